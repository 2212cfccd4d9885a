import { vocabulary } from "./vocabulary.ts";

export const genders = vocabulary({
  woman: "Kvinna",
  man: "Man",
  other: "Annat",
  undisclosed: "Vill ej ange",
});

export const referralSources = vocabulary({
  arbetsformedlingen: "Arbetsförmedlingen",
  forsakringskassan: "Försäkringskassan",
  socialtjanst: "Socialtjänst / IFO",
  psykiatri: "Psykiatri",
  lss: "LSS",
  self: "Egen anmälan",
});

export const goals = vocabulary({
  work: "Arbete",
  practice: "Praktik",
  studies: "Studier",
});

export const phases = vocabulary({
  enrolled: "Inskriven",
  profiling: "Kartläggning",
  job_search: "Jobbsökning",
  practice: "Praktik / arbetsträning",
  employed_support: "Anställd med stöd (efterstöd)",
  exited: "Avslutad",
});
export type Phase = (typeof phases.codes)[number];

export const consentScopes = vocabulary({
  brygga: "Användning i Brygga",
  statistics: "Registrering för statistik till finansiär (SUS)",
});
