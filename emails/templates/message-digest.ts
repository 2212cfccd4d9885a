// The daily digest for people who chose "en sammanfattning per dag": the conversations with new
// messages since the last digest, a few lines of each, and links to read and answer.
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";
import { countSv, NOUNS } from "../../app/domain/swedish.ts";

export const messageDigestData = z.object({
  recipientName: z.string().trim().max(200).nullish(),
  threads: z
    .array(
      z.object({
        subject: z.string().trim().min(1).max(200),
        count: z.number().int().min(1),
        latest: z
          .array(z.object({ authorName: displayName, excerpt: z.string().trim().min(1).max(600) }))
          .min(1)
          .max(5),
        url: linkUrl,
      }),
    )
    .min(1)
    .max(100),
  /** Where the recipient changes the setting. */
  settingsUrl: linkUrl,
});

export type MessageDigestData = z.input<typeof messageDigestData>;

export function messageDigest(input: MessageDigestData): RenderedEmail {
  const data = messageDigestData.parse(input);
  const total = data.threads.reduce((sum, t) => sum + t.count, 0);
  return renderLayout({
    subject: `${PRODUCT_NAME}: ${countSv(total, NOUNS.newMessage)} i ${countSv(data.threads.length, NOUNS.conversation)}`,
    preheader: data.threads.map((t) => t.subject).join(", "),
    heading: "Dagens sammanfattning",
    intro: [
      data.recipientName ? `Hej ${data.recipientName}!` : "Hej!",
      `Sedan förra sammanfattningen har det kommit ${countSv(total, NOUNS.newMessage)}:`,
      ...data.threads.flatMap((t) => [
        `${t.subject} (${countSv(t.count, NOUNS.new)}) – ${t.url}`,
        ...t.latest.map((m) => `${m.authorName}: ”${m.excerpt}”`),
      ]),
    ],
    action: { label: `Öppna ${PRODUCT_NAME}`, url: data.threads[0]!.url },
    outro: [
      `Vill du hellre få ett mejl för varje meddelande, eller inga mejl alls? Ändra det under Inställningar: ${data.settingsUrl}`,
    ],
    reason: `Du får det här mejlet en gång per dag för att du valt en daglig sammanfattning av nya meddelanden i ${PRODUCT_NAME}.`,
  });
}
