// "Nytt i ett förslag": tells the coach that the participant or the employer answered a proposal.
import { z } from "zod";
import { displayName, linkUrl, PRODUCT_NAME, renderLayout, type RenderedEmail } from "./layout.ts";

export const proposalUpdateData = z.object({
  recipientName: z.string().trim().max(200).nullish(),
  pseudonym: displayName,
  openingTitle: z.string().trim().min(1).max(200),
  /** One sentence: "Deltagaren sa ja.", "Arbetsgivaren bokade ett studiebesök 3 mars 10:00." */
  update: z.string().trim().min(1).max(300),
  /** What the coach does next, when anything. */
  next: z.string().trim().max(300).nullish(),
  url: linkUrl,
});

export type ProposalUpdateData = z.input<typeof proposalUpdateData>;

export function proposalUpdate(input: ProposalUpdateData): RenderedEmail {
  const data = proposalUpdateData.parse(input);
  return renderLayout({
    subject: `${data.pseudonym} – ${data.openingTitle}: ${data.update}`,
    preheader: data.next ?? data.update,
    heading: "Nytt i ett förslag",
    intro: [
      data.recipientName ? `Hej ${data.recipientName}!` : "Hej!",
      `${data.pseudonym} – ${data.openingTitle}: ${data.update}`,
      ...(data.next ? [data.next] : []),
    ],
    action: { label: "Öppna förslaget", url: data.url },
    outro: [],
    reason: `Du får det här mejlet för att du är coach för förslaget i ${PRODUCT_NAME}.`,
  });
}
