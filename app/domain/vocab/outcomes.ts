// SUS-style categories for occupation and income sources at start and exit (one module,
// configurable: change the lists here). Several income sources may apply at once.
import { vocabulary } from "./vocabulary.ts";

export const occupationStatuses = vocabulary({
  employed: "Förvärvsarbete",
  studies: "Studier",
  work_and_studies: "Arbete och studier",
  job_seeking: "Aktivt arbetssökande",
  practice: "Praktik / arbetsträning",
  none: "Ingen sysselsättning",
});

export const incomeSources = vocabulary({
  activity_compensation: "Aktivitetsersättning",
  sickness_compensation: "Sjukersättning",
  activity_support: "Aktivitetsstöd / utvecklingsersättning",
  social_assistance: "Försörjningsstöd",
  sickness_benefit: "Sjukpenning / rehabiliteringspenning",
  unemployment_benefit: "Arbetslöshetsersättning",
  establishment_benefit: "Etableringsersättning",
  study_support: "Studiestöd / studiemedel",
  salary: "Lön",
  no_public_support: "Ingen offentlig försörjning",
  other: "Övrigt",
});

export const exitReasons = vocabulary({
  work: "Arbete",
  studies: "Studier",
  work_and_studies: "Arbete och studier",
  rehabilitation: "Fortsatt rehabilitering",
  sickness: "Sjukdom",
  moved: "Flytt",
  other: "Övrigt",
});
export type ExitReason = (typeof exitReasons.codes)[number];

/**
 * SUS's "Avslutsanledning" (the funders' follow-up system): every Brygga exit reason maps to one.
 * Work, studies and other exits are a plain "Utskrivning" in SUS.
 */
export const susExitReasons = vocabulary({
  discharge: "Utskrivning",
  moved: "Utskrivning pga flytt",
  sickness: "Utskrivning pga sjukdom",
  rehabilitation: "Utskrivning – fortsatt rehabilitering",
});
export type SusExitReason = (typeof susExitReasons.codes)[number];

export const susExitReasonOf: Record<ExitReason, SusExitReason> = {
  work: "discharge",
  studies: "discharge",
  work_and_studies: "discharge",
  other: "discharge",
  moved: "moved",
  sickness: "sickness",
  rehabilitation: "rehabilitation",
};

export const employerContactKinds = vocabulary({
  visit: "Besök",
  call: "Telefonsamtal",
  meeting: "Möte",
  study_visit: "Studiebesök",
  email: "E-post",
});
