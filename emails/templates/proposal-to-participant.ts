// "Du har ett förslag": a coach proposed an opening to a participant who has an email address.
// Plain Swedish, short sentences. The mail names the opening only; details are behind sign-in.
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const proposalToParticipantData = z.object({
  name: displayName,
  coachName: displayName,
  openingTitle: z.string().trim().min(1).max(200),
  /** "en praktikplats", "ett jobb" … */
  kindText: z.string().trim().min(1).max(60),
  url: linkUrl,
  /** The coach's personal note, in the coach's words (plain text). */
  note: z.string().trim().max(1000).nullish(),
});

export type ProposalToParticipantData = z.input<typeof proposalToParticipantData>;

export function proposalToParticipant(input: ProposalToParticipantData): RenderedEmail {
  const data = proposalToParticipantData.parse(input);
  return renderLayout({
    subject: `Ett förslag till dig från ${data.coachName}`,
    preheader: `${data.coachName} tror att ${data.openingTitle} kan passa dig.`,
    heading: "Du har ett förslag",
    intro: [
      `Hej ${data.name}!`,
      `${data.coachName} har hittat ${data.kindText} som kan passa dig: ${data.openingTitle}.`,
      ...(data.note ? [`${data.coachName} skriver: ”${data.note}”`] : []),
      "Läs om förslaget. Svara Ja, Nej eller Vill veta mer.",
      "Arbetsgivaren får inte veta något om dig förrän du har sagt ja.",
    ],
    action: { label: "Läs förslaget", url: data.url },
    outro: [`Har du frågor? Fråga ${data.coachName}.`],
    reason: `Du får det här mejlet för att ${data.coachName} är din coach i ${PRODUCT_NAME}.`,
  });
}
