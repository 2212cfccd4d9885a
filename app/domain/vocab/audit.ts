// Labels for the audit trail (admin's log): what was done, and to which part of a participant record.
import { vocabulary } from "./vocabulary.ts";

export const auditActions = vocabulary({
  read: "Läste",
  create: "Skapade",
  update: "Ändrade",
  export: "Exporterade",
  erase: "Raderade",
});

export const auditEntities = vocabulary({
  participant: "Deltagaruppgifter",
  "participant-home": "Deltagarens startsida",
  caseload: "Ärendelista",
  profile: "Yrkesprofil",
  "own-profile": "Egen yrkesprofil",
  consent: "Samtycke",
  phase: "Fas",
  contact: "Kontakt med deltagaren",
  comment: "Kommentar på profilen",
  coach: "Ansvarig coach",
  "employer-contact": "Arbetsgivarkontakt",
  outcome: "Utfall och uppföljning",
  "sign-in-code": "Inloggningskod",
  export: "Export av uppgifter",
  erasure: "Radering av uppgifter",
  staff: "Personal",
  organization: "Organisationens uppgifter",
  "employer-registration": "Arbetsgivare som anmält sig",
  import: "Import från fil",
});
