// The template registry: callers render by name with data checked per template, at compile time
// (TemplateData<N>) and at run time (each template parses its data with zod).
//
//   const { subject, html, text } = renderEmail("signInLink", { name, url, expiresMinutes: 15 });
import { employerQuestion } from "./employer-question.ts";
import { employerAccepted, employerAlreadyRegistered, registrationConfirm } from "./employer-registration.ts";
import { invitation } from "./invitation.ts";
import { invitationConflict } from "./invitation-conflict.ts";
import { participantWelcome } from "./participant-welcome.ts";
import { participantPresented } from "./participant-presented.ts";
import { proposalToParticipant } from "./proposal-to-participant.ts";
import { proposalUpdate } from "./proposal-update.ts";
import type { RenderedEmail } from "./layout.ts";
import { questionAnswered } from "./question-answered.ts";
import { signInLink } from "./sign-in-link.ts";
import { meetingInvitation } from "./meeting-invitation.ts";
import { messageDigest } from "./message-digest.ts";
import { replyNotPosted } from "./reply-not-posted.ts";
import { threadMessage } from "./thread-message.ts";

export { escapeHtml, PRODUCT_NAME, type RenderedEmail } from "./layout.ts";
export type { EmployerQuestionData } from "./employer-question.ts";
export type { InvitationData } from "./invitation.ts";
export type { InvitationConflictData } from "./invitation-conflict.ts";
export type {
  EmployerAcceptedData,
  EmployerAlreadyRegisteredData,
  RegistrationConfirmData,
} from "./employer-registration.ts";
export type { QuestionAnsweredData } from "./question-answered.ts";
export type { ParticipantWelcomeData } from "./participant-welcome.ts";
export type { ParticipantPresentedData } from "./participant-presented.ts";
export type { ProposalToParticipantData } from "./proposal-to-participant.ts";
export type { ProposalUpdateData } from "./proposal-update.ts";
export type { SignInLinkData } from "./sign-in-link.ts";
export type { MeetingInvitationData } from "./meeting-invitation.ts";
export type { MessageDigestData } from "./message-digest.ts";
export type { ReplyNotPostedData } from "./reply-not-posted.ts";
export type { ThreadMessageData } from "./thread-message.ts";

export const emailTemplates = {
  signInLink,
  invitation,
  invitationConflict,
  participantWelcome,
  employerQuestion,
  questionAnswered,
  proposalToParticipant,
  participantPresented,
  proposalUpdate,
  threadMessage,
  messageDigest,
  meetingInvitation,
  replyNotPosted,
  registrationConfirm,
  employerAccepted,
  employerAlreadyRegistered,
} satisfies Record<string, (data: never) => RenderedEmail>;

export type TemplateName = keyof typeof emailTemplates;
export type TemplateData<N extends TemplateName> = Parameters<(typeof emailTemplates)[N]>[0];

/** A template name with matching data: a discriminated union, for APIs that take "any email". */
export type EmailContent = { [N in TemplateName]: { template: N; data: TemplateData<N> } }[TemplateName];

export function isTemplateName(name: string): name is TemplateName {
  return Object.prototype.hasOwnProperty.call(emailTemplates, name);
}

/** Render a template by name. Throws (a ZodError) when the data does not fit the template. */
export function renderEmail<N extends TemplateName>(template: N, data: TemplateData<N>): RenderedEmail {
  if (!isTemplateName(template)) throw new Error(`Unknown email template "${String(template)}"`);
  const render = emailTemplates[template] as (data: TemplateData<N>) => RenderedEmail;
  return render(data);
}
