// "Logga in i Brygga": the single-use sign-in link (magic link) sent on request.
import { z } from "zod";
import { linkUrl, minutesSv, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const signInLinkData = z.object({
  /** The user's name when known; the greeting falls back to "Hej!" (also for ""). */
  name: z.string().trim().max(200).nullish(),
  url: linkUrl,
  expiresMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .default(15),
});

export type SignInLinkData = z.input<typeof signInLinkData>;

export function signInLink(input: SignInLinkData): RenderedEmail {
  const data = signInLinkData.parse(input);
  return renderLayout({
    subject: `Logga in i ${PRODUCT_NAME}`,
    preheader: `Din inloggningslänk gäller i ${minutesSv(data.expiresMinutes)}.`,
    heading: `Logga in i ${PRODUCT_NAME}`,
    intro: [data.name ? `Hej ${data.name}!` : "Hej!", `Klicka på knappen för att logga in i ${PRODUCT_NAME}.`],
    action: { label: "Logga in", url: data.url },
    outro: [
      `Länken gäller i ${minutesSv(data.expiresMinutes)} och kan bara användas en gång.`,
      "Om du inte bad om det här kan du strunta i mejlet. Ingen kan logga in utan länken.",
    ],
    reason: `Du får det här mejlet för att någon bad om en inloggningslänk till ${PRODUCT_NAME} för den här e-postadressen.`,
  });
}
