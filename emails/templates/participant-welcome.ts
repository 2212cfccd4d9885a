// "Välkommen till Brygga": sent to a newly enrolled participant who has an email address, in
// plain Swedish. The button leads to the sign-in page with the address filled in; the participant
// asks for a link there (a link in this mail would expire before many people open it).
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const participantWelcomeData = z.object({
  name: displayName,
  coachName: displayName,
  url: linkUrl,
});

export type ParticipantWelcomeData = z.input<typeof participantWelcomeData>;

export function participantWelcome(input: ParticipantWelcomeData): RenderedEmail {
  const data = participantWelcomeData.parse(input);
  return renderLayout({
    subject: `Välkommen till ${PRODUCT_NAME}`,
    preheader: `Här ser du din profil och kan skriva till ${data.coachName}.`,
    heading: `Välkommen till ${PRODUCT_NAME}`,
    intro: [
      `Hej ${data.name}!`,
      `${data.coachName} är din coach. Ni ska hitta ett jobb som passar dig.`,
      `I ${PRODUCT_NAME} kan du läsa vad ni har skrivit om dig. Du kan också skriva en kommentar.`,
      "Du behöver inget lösenord. Klicka på knappen. Då får du en länk i ett nytt mejl.",
    ],
    action: { label: "Logga in", url: data.url },
    outro: [`Har du frågor? Fråga ${data.coachName}.`],
    reason: `Du får det här mejlet för att ${data.coachName} har skrivit in dig i ${PRODUCT_NAME} med den här e-postadressen.`,
  });
}
