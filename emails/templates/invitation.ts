// An invitation to Brygga: an employer user invited by a coach, or a colleague invited to the
// same coaching organisation or employer.
import { z } from "zod";
import { daysSv, displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const invitationData = z.object({
  inviterName: displayName,
  /** The coaching organisation or employer the recipient is invited to. */
  organizationName: displayName,
  url: linkUrl,
  /** When given, the mail says how long the invitation is valid. */
  expiresDays: z.number().int().positive().max(365).optional(),
});

export type InvitationData = z.input<typeof invitationData>;

export function invitation(input: InvitationData): RenderedEmail {
  const data = invitationData.parse(input);
  return renderLayout({
    subject: `${data.inviterName} har bjudit in dig till ${data.organizationName} i ${PRODUCT_NAME}`,
    preheader: `Tacka ja till inbjudan för att komma i gång med ${PRODUCT_NAME}.`,
    heading: `Du är inbjuden till ${PRODUCT_NAME}`,
    intro: [
      "Hej!",
      `${data.inviterName} har bjudit in dig till ${data.organizationName} i ${PRODUCT_NAME}.`,
      `${PRODUCT_NAME} hjälper arbetsgivare och coacher inom Supported Employment att hitta rätt arbetsuppgifter åt rätt person och att hålla kontakten under hela vägen till jobb.`,
      "Klicka på knappen för att tacka ja. Du behöver inget lösenord.",
    ],
    action: { label: "Tacka ja till inbjudan", url: data.url },
    outro: [
      ...(data.expiresDays ? [`Inbjudan gäller i ${daysSv(data.expiresDays)}.`] : []),
      "Länken är personlig. Dela den inte med någon annan.",
      `Om du inte väntade dig en inbjudan kan du strunta i mejlet. Du kan också fråga ${data.inviterName} om den.`,
    ],
    reason: `Du får det här mejlet för att ${data.inviterName} bjöd in den här e-postadressen till ${PRODUCT_NAME}.`,
  });
}
