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
  "wage-subsidy": "Lönestödsförslag",
  placement: "Placering",
  "placement:staff": "Placeringen (coachens sida)",
  "placement:employer": "Placeringen (arbetsgivarens sida)",
  "placement:participant": "Placeringen (deltagarens egen sida)",
  meeting: "Möte",
  proposal: "Förslag",
  presentation: "Presentation för arbetsgivaren",
  "reverse-match": "Matchning mot en annons",
  import: "Import från fil",
});

/** What a meeting entry's detail says after the meeting's id, in Swedish. */
const meetingDetails: Array<[RegExp, string]> = [
  [/^moved$/, "flyttat"],
  [/^cancelled$/, "inställt"],
  [/^notes, done$/, "anteckningar, genomfört"],
  [/^notes$/, "anteckningar"],
  [/^action added$/, "åtgärd tillagd"],
  [/^action done$/, "åtgärd klar"],
  [/^action reopened$/, "åtgärd öppnad igen"],
];

export type AuditEventView = {
  /** The part of the record, in Swedish. */
  what: string;
  /** More about it, in Swedish (never an internal id); null when there is nothing to add. */
  detail: string | null;
  /** The thing the entry is about, when it has a page. */
  link: { to: string; text: string } | null;
};

/**
 * An audit entry as the admin reads it: Swedish words and a link to what it is about, instead of
 * internal codes and ids (`placement:staff – czp9…`). `placementOfMeeting` gives a meeting's
 * placement (meeting links go through it).
 */
export function describeAuditEvent(
  event: { entity: string; detail: string | null },
  placementOfMeeting: (meetingId: string) => string | null = () => null,
): AuditEventView {
  const what = auditEntities.label(event.entity);
  const detail = event.detail?.trim() || null;
  if (event.entity.startsWith("placement:") && detail && /^[a-z0-9]{10,40}$/i.test(detail))
    return { what, detail: null, link: { to: `/coach/placeringar/${detail}`, text: "Öppna placeringen" } };
  if (event.entity === "meeting" && detail) {
    const [id = "", ...rest] = detail.split(" ");
    const restText = rest.join(" ");
    const words = meetingDetails.find(([pattern]) => pattern.test(restText))?.[1] ?? (restText || null);
    const placementId = placementOfMeeting(id);
    return {
      what,
      detail: words,
      link: placementId ? { to: `/coach/placeringar/${placementId}/moten/${id}`, text: "Öppna mötet" } : null,
    };
  }
  return { what, detail, link: null };
}
