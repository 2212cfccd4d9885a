// The polite answer to an email reply that was not posted: the conversation is closed (the support
// has ended), or nothing was left once the quoted text was removed. Sent only to the address the
// reply address was made for, never to the message's From (no backscatter).
import { z } from "zod";
import { linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const replyNotPostedData = z.object({
  recipientName: z.string().trim().max(200).nullish(),
  subject: z.string().trim().min(1).max(200),
  reason: z.enum(["closed", "empty"]),
  /** Where to turn instead: a new question to the coach (employers) or the placement page (coaches). */
  url: linkUrl,
  actionLabel: z.string().trim().min(1).max(80),
  /** "Johanna Berg, 036-10 20 30": someone to call. */
  contact: z.string().trim().max(300).nullish(),
});

export type ReplyNotPostedData = z.input<typeof replyNotPostedData>;

export function replyNotPosted(input: ReplyNotPostedData): RenderedEmail {
  const d = replyNotPostedData.parse(input);
  const closed = d.reason === "closed";
  return renderLayout({
    subject: `Ditt svar kom inte fram: ${d.subject}`,
    preheader: closed ? "Konversationen är avslutad." : "Vi hittade ingen text i ditt svar.",
    heading: "Ditt svar kom inte fram",
    intro: [
      d.recipientName ? `Hej ${d.recipientName}!` : "Hej!",
      closed
        ? `Tack för ditt mejl. Konversationen ”${d.subject}” är avslutad, så ditt svar har inte lagts in i ${PRODUCT_NAME}.`
        : `Tack för ditt mejl. Vi hittade ingen ny text i svaret på ”${d.subject}” – bara det citerade mejlet – så inget har lagts in i ${PRODUCT_NAME}.`,
      closed
        ? "Vill du fortfarande ha kontakt går det bra att skriva en ny fråga, eller att ringa."
        : "Skriv ditt svar överst i mejlet och skicka igen, eller skriv i Brygga.",
      ...(d.contact ? [`Du når oss på: ${d.contact}`] : []),
    ],
    action: { label: d.actionLabel, url: d.url },
    outro: ["Det här är ett automatiskt svar. Svara inte på det här mejlet."],
    reason: `Du får det här mejlet för att du svarade på ett mejl från ${PRODUCT_NAME}.`,
  });
}
