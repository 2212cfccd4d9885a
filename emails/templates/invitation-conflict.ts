// Someone tried to invite an address that already has an account in Brygga. The inviter is told
// nothing different (issue 13: whether an address is in Brygga can reveal that a person takes part
// in a supported-employment programme), so the address's owner is told instead.
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const invitationConflictData = z.object({
  inviterName: displayName,
  /** The employer the recipient was invited to. */
  organizationName: displayName,
  /** The sign-in page. */
  url: linkUrl,
});

export type InvitationConflictData = z.input<typeof invitationConflictData>;

export function invitationConflict(input: InvitationConflictData): RenderedEmail {
  const data = invitationConflictData.parse(input);
  return renderLayout({
    subject: `${data.inviterName} ville bjuda in dig till ${data.organizationName} i ${PRODUCT_NAME}`,
    preheader: `Din e-postadress har redan ett konto i ${PRODUCT_NAME}.`,
    heading: "Du har redan ett konto",
    intro: [
      "Hej!",
      `${data.inviterName} ville bjuda in dig som kollega till ${data.organizationName} i ${PRODUCT_NAME}.`,
      `Din e-postadress har redan ett konto i ${PRODUCT_NAME}, så ingen inbjudan skapades. ${data.inviterName} har inte fått veta det.`,
    ],
    action: { label: `Logga in i ${PRODUCT_NAME}`, url: data.url },
    outro: [
      `Ska du använda ${PRODUCT_NAME} för ${data.organizationName}? Be din coach eller ${data.inviterName} om hjälp, och använd gärna en annan e-postadress för det.`,
      "Om du inte känner igen inbjudan kan du strunta i mejlet.",
    ],
    reason: `Du får det här mejlet för att någon försökte bjuda in den här e-postadressen till ${PRODUCT_NAME}.`,
  });
}
