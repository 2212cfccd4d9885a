// "Nytt meddelande": someone wrote in a placement's support thread; the other side is told
// (docs/product-rules.md#employer-support-thread). When replies by email are set up, the Reply-To is the recipient's signed address
// for the thread and the mail says that answering it lands in Brygga.
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const threadMessageData = z.object({
  recipientName: z.string().trim().max(200).nullish(),
  authorName: displayName,
  /** Where the author works: the employer's name, or the coaching organisation's. */
  authorOrganization: displayName,
  subject: z.string().trim().min(1).max(200),
  excerpt: z.string().trim().min(1).max(600),
  url: linkUrl,
  /** The message is shared with the participant too. */
  shared: z.boolean().default(false),
  /** A reply to this email is posted in the thread. */
  replyable: z.boolean().default(false),
});

export type ThreadMessageData = z.input<typeof threadMessageData>;

export const REPLY_ABOVE_LINE = "Svara ovanför den här raden – ditt svar hamnar i Brygga.";

export function threadMessage(input: ThreadMessageData): RenderedEmail {
  const data = threadMessageData.parse(input);
  return renderLayout({
    subject: `Nytt meddelande: ${data.subject}`,
    preheader: `${data.authorName} (${data.authorOrganization}) har skrivit.`,
    heading: "Nytt meddelande om stödet",
    intro: [
      data.recipientName ? `Hej ${data.recipientName}!` : "Hej!",
      `${data.authorName} på ${data.authorOrganization} har skrivit i ”${data.subject}”:`,
      `”${data.excerpt}”`,
      ...(data.shared ? ["Meddelandet delas också med deltagaren."] : []),
    ],
    action: { label: "Läs och svara i Brygga", url: data.url },
    outro: data.replyable
      ? [
          "Du kan också svara direkt på det här mejlet. Skriv ditt svar överst; det citerade mejlet tas bort. Svar via mejl visas bara för arbetsgivaren och coacherna, inte för deltagaren.",
        ]
      : [`Svara i ${PRODUCT_NAME}, så ser alla i konversationen ditt svar.`],
    reason: `Du får det här mejlet för att du är med i stödet kring en placering i ${PRODUCT_NAME}. Du kan välja ett mejl per meddelande, en sammanfattning per dag eller inga mejl under Inställningar.`,
  });
}
