// "Din fråga har fått svar": the coach answered an employer's question in Brygga.
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const questionAnsweredData = z.object({
  recipientName: z.string().trim().max(200).nullish(),
  coachName: displayName,
  organizationName: displayName,
  subject: z.string().trim().min(1).max(200),
  excerpt: z.string().trim().min(1).max(600),
  url: linkUrl,
  /** A reply to this email is posted in the thread (the Reply-To is a signed reply address). */
  replyable: z.boolean().default(false),
  /** "2 timmar och 5 minuter": how long the answer took, when it answered a waiting question. */
  responseTime: z.string().trim().max(100).nullish(),
});

export type QuestionAnsweredData = z.input<typeof questionAnsweredData>;

export function questionAnswered(input: QuestionAnsweredData): RenderedEmail {
  const data = questionAnsweredData.parse(input);
  return renderLayout({
    subject: `Svar på din fråga: ${data.subject}`,
    preheader: `${data.coachName} på ${data.organizationName} har svarat.`,
    heading: "Du har fått svar",
    intro: [
      data.recipientName ? `Hej ${data.recipientName}!` : "Hej!",
      `${data.coachName} på ${data.organizationName} har svarat på ”${data.subject}”${data.responseTime ? ` (efter ${data.responseTime})` : ""}:`,
      `”${data.excerpt}”`,
    ],
    action: { label: "Läs hela svaret", url: data.url },
    outro: [
      "Du kan skriva en följdfråga i samma konversation. Du kan alltid höra av dig – före, under och efter en anställning.",
      ...(data.replyable
        ? ["Du kan också svara direkt på det här mejlet. Skriv ditt svar överst; det citerade mejlet tas bort."]
        : []),
    ],
    reason: `Du får det här mejlet för att du ställde en fråga till er coach i ${PRODUCT_NAME}.`,
  });
}
