// "Ny fråga från en arbetsgivare": an employer asked the coach something ("fråga coachen"), or
// wrote again in a question thread. Goes to the contact coach, or the organisation's shared inbox.
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const employerQuestionData = z.object({
  /** The coach's name; the greeting falls back to "Hej!" (a shared inbox). */
  recipientName: z.string().trim().max(200).nullish(),
  employerName: displayName,
  askerName: displayName,
  subject: z.string().trim().min(1).max(200),
  /** The start of the message, plain text. */
  excerpt: z.string().trim().min(1).max(600),
  url: linkUrl,
  /** A reply to this email is posted in the thread (the Reply-To is a signed reply address). */
  replyable: z.boolean().default(false),
  /** A new message in a question asked earlier. */
  followUp: z.boolean().default(false),
});

export type EmployerQuestionData = z.input<typeof employerQuestionData>;

export function employerQuestion(input: EmployerQuestionData): RenderedEmail {
  const data = employerQuestionData.parse(input);
  const what = data.followUp ? "har skrivit igen i frågan" : "har en fråga";
  return renderLayout({
    subject: data.followUp
      ? `Nytt meddelande från ${data.employerName}: ${data.subject}`
      : `Ny fråga från ${data.employerName}: ${data.subject}`,
    preheader: `${data.askerName} på ${data.employerName} ${what}. Svara i ${PRODUCT_NAME}.`,
    heading: data.followUp ? "Nytt meddelande från en arbetsgivare" : "Ny fråga från en arbetsgivare",
    intro: [
      data.recipientName ? `Hej ${data.recipientName}!` : "Hej!",
      `${data.askerName} på ${data.employerName} ${what} ”${data.subject}”:`,
      `”${data.excerpt}”`,
      "Arbetsgivare som får snabba svar fortsätter att ta emot deltagare. Svara gärna i dag.",
    ],
    action: { label: "Läs och svara", url: data.url },
    outro: [
      "Svaret skickas till arbetsgivaren och syns i Brygga, där ni också ser hela konversationen.",
      ...(data.replyable
        ? ["Du kan också svara direkt på det här mejlet. Skriv ditt svar överst; det citerade mejlet tas bort."]
        : []),
    ],
    reason: `Du får det här mejlet för att du är kontaktperson för ${data.employerName} i ${PRODUCT_NAME}, eller för att adressen är er organisations gemensamma inkorg.`,
  });
}
