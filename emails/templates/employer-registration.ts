// Employer onboarding (issue 11): the email that confirms a registration at /for-arbetsgivare, the
// message that a coach has accepted the employer (with the contact coach's details), and the note
// to a contact coach when a company already in Brygga registers again.
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const registrationConfirmData = z.object({
  name: displayName,
  companyName: displayName,
  url: linkUrl,
  expiresHours: z
    .number()
    .int()
    .positive()
    .max(24 * 30),
});
export type RegistrationConfirmData = z.input<typeof registrationConfirmData>;

export function registrationConfirm(input: RegistrationConfirmData): RenderedEmail {
  const data = registrationConfirmData.parse(input);
  return renderLayout({
    subject: `Bekräfta er anmälan till ${PRODUCT_NAME}`,
    preheader: `Ett klick till, så är ${data.companyName} anmält.`,
    heading: "Bekräfta din e-postadress",
    intro: [
      `Hej ${data.name}!`,
      `Tack för att ${data.companyName} vill ansluta till ${PRODUCT_NAME}. Klicka på knappen för att bekräfta din e-postadress. Sedan loggas du in och kan börja skriva annonser.`,
    ],
    action: { label: "Bekräfta och logga in", url: data.url },
    outro: [
      `Länken gäller i ${data.expiresHours} timmar och kan bara användas en gång.`,
      "Om du inte har anmält något kan du strunta i mejlet. Då sparas ingenting.",
    ],
    reason: `Du får det här mejlet för att någon anmälde den här e-postadressen på ${PRODUCT_NAME}s sida för arbetsgivare.`,
  });
}

export const employerAcceptedData = z.object({
  name: displayName,
  companyName: displayName,
  coachName: displayName,
  coachEmail: z.email(),
  coachPhone: z.string().trim().max(40).nullish(),
  organizationName: displayName,
  url: linkUrl,
});
export type EmployerAcceptedData = z.input<typeof employerAcceptedData>;

export function employerAccepted(input: EmployerAcceptedData): RenderedEmail {
  const data = employerAcceptedData.parse(input);
  return renderLayout({
    subject: `${data.coachName} är er kontaktperson i ${PRODUCT_NAME}`,
    preheader: `${data.companyName} kan nu publicera annonser.`,
    heading: "Ni har fått en kontaktperson",
    intro: [
      `Hej ${data.name}!`,
      `${data.coachName} på ${data.organizationName} är nu kontaktperson för ${data.companyName}. Hör av dig när du vill – före, under och efter en anställning.`,
      `E-post: ${data.coachEmail}`,
      ...(data.coachPhone ? [`Telefon: ${data.coachPhone}`] : []),
      "Nu kan ni publicera era annonser.",
    ],
    action: { label: "Till era annonser", url: data.url },
    outro: [],
    reason: `Du får det här mejlet för att ${data.companyName} har anmält sig till ${PRODUCT_NAME}.`,
  });
}

export const employerAlreadyRegisteredData = z.object({
  coachName: z.string().trim().max(200).nullish(),
  companyName: displayName,
  contactName: displayName,
  contactEmail: z.email(),
  contactPhone: z.string().trim().max(40).nullish(),
  url: linkUrl,
});
export type EmployerAlreadyRegisteredData = z.input<typeof employerAlreadyRegisteredData>;

export function employerAlreadyRegistered(input: EmployerAlreadyRegisteredData): RenderedEmail {
  const data = employerAlreadyRegisteredData.parse(input);
  return renderLayout({
    subject: `${data.contactName} på ${data.companyName} vill komma i kontakt`,
    preheader: `${data.companyName} finns redan i ${PRODUCT_NAME}.`,
    heading: "En av era arbetsgivare anmälde sig igen",
    intro: [
      data.coachName ? `Hej ${data.coachName}!` : "Hej!",
      `${data.contactName} på ${data.companyName} fyllde i anmälan för arbetsgivare. Företaget finns redan i ${PRODUCT_NAME}, så ingen ny arbetsgivare skapades.`,
      `Kontakta gärna ${data.contactName}: ${data.contactEmail}${data.contactPhone ? `, ${data.contactPhone}` : ""}.`,
    ],
    action: { label: `Till ${data.companyName}`, url: data.url },
    outro: [],
    reason: `Du får det här mejlet för att du är kontaktperson för ${data.companyName} i ${PRODUCT_NAME}.`,
  });
}
