// A follow-up or three-party meeting: the invitation (with the .ics attached by the caller), a new
// time, or a cancellation. The participant's version is in plain Swedish: short sentences, no jargon.
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const meetingInvitationData = z.object({
  recipientName: z.string().trim().max(200).nullish(),
  audience: z.enum(["participant", "staff", "employer"]),
  change: z.enum(["new", "moved", "cancelled"]).default("new"),
  /** "Trepartssamtal", "Uppföljning" */
  kindLabel: displayName,
  /** What the meeting is about: the placement's subject ("Deltagare – Praktik på lagret"). */
  about: z.string().trim().min(1).max(200),
  /** "måndag 2 mars 2026 kl. 13:30–14:30" */
  when: z.string().trim().min(1).max(200),
  place: z.string().trim().max(200).nullish(),
  videoLink: linkUrl.nullish(),
  phone: z.string().trim().max(40).nullish(),
  agenda: z.string().trim().max(2000).nullish(),
  organizerName: displayName,
  attendeeNames: z.array(displayName).max(30).default([]),
  url: linkUrl,
});

export type MeetingInvitationData = z.input<typeof meetingInvitationData>;

export function meetingInvitation(input: MeetingInvitationData): RenderedEmail {
  const d = meetingInvitationData.parse(input);
  const plain = d.audience === "participant";
  const where = [
    d.place ? (plain ? `Plats: ${d.place}` : `Plats: ${d.place}`) : null,
    d.videoLink ? (plain ? `Länk till videomötet: ${d.videoLink}` : `Videolänk: ${d.videoLink}`) : null,
    d.phone ? (plain ? `Ring in på: ${d.phone}` : `Telefon: ${d.phone}`) : null,
  ].filter((x): x is string => x !== null);
  const greeting = d.recipientName ? `Hej ${d.recipientName}!` : "Hej!";
  const kind = d.kindLabel.toLowerCase();
  // The participant's subject line has no jargon ("Trepartssamtal"): just a meeting.
  const subjectKind = plain ? "möte" : d.kindLabel;

  if (d.change === "cancelled") {
    return renderLayout({
      subject: `Inställt: ${subjectKind} ${d.when}`,
      preheader: `${d.organizerName} har ställt in mötet.`,
      heading: plain ? "Mötet är inställt" : `Inställt: ${kind}`,
      intro: [
        greeting,
        plain ? `Mötet ${d.when} blir inte av.` : `${d.organizerName} har ställt in ${kind} ${d.when} om ”${d.about}”.`,
        plain ? "Din coach hör av sig om en ny tid." : "Kalenderfilen i mejlet tar bort mötet ur kalendern.",
      ],
      action: { label: plain ? "Se dina möten" : "Se placeringen", url: d.url },
      outro: plain ? ["Har du frågor? Ring eller mejla din coach."] : [],
      reason: `Du får det här mejlet för att du var inbjuden till mötet i ${PRODUCT_NAME}.`,
    });
  }

  const moved = d.change === "moved";
  return renderLayout({
    subject: `${moved ? "Ny tid: " : "Inbjudan: "}${subjectKind} ${d.when}`,
    preheader: `${d.organizerName} ${moved ? "har flyttat" : "bjuder in till"} ${kind}.`,
    heading: plain
      ? moved
        ? "Mötet har en ny tid"
        : "Du är bjuden till ett möte"
      : `${moved ? "Ny tid" : "Inbjudan"}: ${kind}`,
    intro: [
      greeting,
      plain
        ? `${d.organizerName} vill träffa dig${d.kindLabel === "Trepartssamtal" ? " och din handledare" : ""}. Ni pratar om hur det går på jobbet.`
        : `${d.organizerName} ${moved ? "har flyttat" : "bjuder in till"} ${kind} om ”${d.about}”.`,
      `${plain ? "När" : "Tid"}: ${d.when}`,
      ...where,
      ...(d.agenda ? [`${plain ? "Det här ska ni prata om" : "Dagordning"}: ${d.agenda}`] : []),
      ...(d.attendeeNames.length > 0 ? [`${plain ? "Med på mötet" : "Inbjudna"}: ${d.attendeeNames.join(", ")}`] : []),
      plain
        ? "Det finns en kalenderfil i mejlet. Öppna den om du vill spara mötet i din kalender."
        : "Kalenderfilen i mejlet lägger in mötet i din kalender.",
    ],
    action: { label: plain ? "Se dina möten" : "Se placeringen", url: d.url },
    outro: plain
      ? ["Kan du inte komma? Ring eller mejla din coach så hittar ni en ny tid."]
      : ["Kan du inte? Svara i Brygga eller kontakta coachen, så hittar ni en ny tid."],
    reason: `Du får det här mejlet för att ${d.organizerName} bjöd in dig i ${PRODUCT_NAME}.`,
  });
}
