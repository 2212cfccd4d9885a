// "En deltagare presenteras för er": the participant said yes and the coach presents them to the
// employer. The mail names no participant: what the participant chose to show is behind sign-in.
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const participantPresentedData = z.object({
  recipientName: z.string().trim().max(200).nullish(),
  coachName: displayName,
  organizationName: displayName,
  openingTitle: z.string().trim().min(1).max(200),
  url: linkUrl,
});

export type ParticipantPresentedData = z.input<typeof participantPresentedData>;

export function participantPresented(input: ParticipantPresentedData): RenderedEmail {
  const data = participantPresentedData.parse(input);
  return renderLayout({
    subject: `En deltagare presenteras för ${data.openingTitle}`,
    preheader: `${data.coachName} på ${data.organizationName} väntar på ert besked.`,
    heading: "En deltagare vill gärna komma till er",
    intro: [
      data.recipientName ? `Hej ${data.recipientName}!` : "Hej!",
      `${data.coachName} på ${data.organizationName} presenterar en deltagare för ”${data.openingTitle}”. Deltagaren har själv sagt ja.`,
      "Läs presentationen och svara: boka ett studiebesök, föreslå ett startdatum eller tacka nej.",
    ],
    action: { label: "Läs presentationen", url: data.url },
    outro: [`Frågor? Ring eller skriv till ${data.coachName} – före, under och efter en start.`],
    reason: `Du får det här mejlet för att ni har en annons i ${PRODUCT_NAME}.`,
  });
}
