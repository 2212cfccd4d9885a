// The coach's page for one participant (loaded and audited) and the changes made there: phase, contact dates, answers to the participant's
// profile comments and changed consents. Each change and its audit event share one transaction.
import { currentTime } from "./clock.server.ts";
import { firstContactStatus } from "~/domain/first-contact.ts";
import { daysBetween } from "~/domain/swedish-time.ts";
import { filledSections } from "~/domain/profile.ts";
import type { Phase } from "~/domain/vocab/participants.ts";
import { audit } from "./audit.server.ts";
import { db, parseJson } from "./db.server.ts";
import { changePhase, firstEmployerContacts } from "./participants.server.ts";
import { loadProfile } from "./profiles.server.ts";

type Actor = { id: string };
type Target = { id: string; phase: string };

/** Moves the participant to a new phase (nothing happens when it is the same phase). */
export async function setParticipantPhase(user: Actor, participant: Target, toPhase: Phase, ip?: string) {
  await db.$transaction(async (tx) => {
    const changed = await changePhase(tx, participant, toPhase, user.id);
    if (changed)
      await audit(tx, {
        actorId: user.id,
        participantId: participant.id,
        action: "update",
        entity: "phase",
        detail: `${participant.phase} → ${toPhase}`,
        ip,
      });
  });
}

/** The dates of the coach's latest and next contact with the participant. */
export async function recordParticipantContact(
  user: Actor,
  participant: Target,
  input: { lastContactAt: Date; nextContactAt?: Date | null },
  ip?: string,
) {
  await db.$transaction(async (tx) => {
    await tx.participant.update({
      where: { id: participant.id },
      data: { lastContactAt: input.lastContactAt, nextContactAt: input.nextContactAt ?? null },
    });
    await audit(tx, { actorId: user.id, participantId: participant.id, action: "update", entity: "contact", ip });
  });
}

/**
 * The coach's answer to one of the participant's profile comments. False when the comment is gone
 * (or is itself an answer, or belongs to someone else).
 */
export async function replyToProfileComment(
  user: Actor,
  participant: Target,
  input: { replyToId: string; body: string },
  ip?: string,
): Promise<boolean> {
  const comment = await db.profileComment.findFirst({
    where: { id: input.replyToId, participantId: participant.id, replyToId: null },
  });
  if (!comment) return false;
  await db.$transaction(async (tx) => {
    await tx.profileComment.create({
      data: { participantId: participant.id, authorId: user.id, body: input.body, replyToId: comment.id },
    });
    await audit(tx, {
      actorId: user.id,
      participantId: participant.id,
      action: "create",
      entity: "comment",
      detail: "Svar på deltagarens kommentar",
      ip,
    });
  });
  return true;
}

/**
 * A changed consent: the current consent for the scope is withdrawn and the new answer recorded.
 * The caller checks consentChangeError (app/domain/enrolment.ts) first.
 */
export async function recordConsentChange(
  user: Actor,
  participant: Target,
  input: { scope: string; given: "yes" | "no"; date: Date },
  ip?: string,
  now = currentTime(),
) {
  await db.$transaction(async (tx) => {
    await tx.consent.updateMany({
      where: { participantId: participant.id, scope: input.scope, withdrawnAt: null },
      data: { withdrawnAt: now },
    });
    await tx.consent.create({
      data: {
        participantId: participant.id,
        scope: input.scope,
        given: input.given === "yes",
        date: input.date,
        recordedById: user.id,
      },
    });
    await audit(tx, {
      actorId: user.id,
      participantId: participant.id,
      action: "update",
      entity: "consent",
      detail: `${input.scope}: ${input.given === "yes" ? "ja" : "nej"}`,
      ip,
    });
  });
}

/** Everything on the coach's page for one participant (already checked to be in the viewer's organisation); the read is audited. */
export async function loadParticipantPage(viewer: Actor, participantId: string, ip?: string) {
  const participant = await db.participant.findUniqueOrThrow({
    where: { id: participantId },
    include: {
      coach: { select: { id: true, name: true } },
      municipality: { select: { name: true } },
      user: { select: { id: true, email: true } },
      consents: { orderBy: { createdAt: "asc" } },
      phaseChanges: { orderBy: { at: "desc" }, include: { by: { select: { name: true } } } },
      comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true, role: true } } } },
      contacts: {
        orderBy: { occurredAt: "desc" },
        include: { employer: { select: { id: true, name: true } }, coach: { select: { name: true } } },
      },
      placements: {
        orderBy: { startDate: "desc" },
        select: {
          id: true,
          kind: true,
          status: true,
          startDate: true,
          endDate: true,
          opening: { select: { title: true, employer: { select: { name: true } } } },
        },
      },
    },
  });
  const [firstContacts, { profile }] = await Promise.all([
    firstEmployerContacts([participant.id]),
    loadProfile(participant.id),
  ]);
  await audit(db, { actorId: viewer.id, participantId: participant.id, action: "read", entity: "participant", ip });

  const firstContactAt = firstContacts.get(participant.id) ?? null;
  const replies = new Map<string, typeof participant.comments>();
  for (const c of participant.comments)
    if (c.replyToId) replies.set(c.replyToId, [...(replies.get(c.replyToId) ?? []), c]);
  return {
    participant: {
      id: participant.id,
      pseudonym: participant.pseudonym,
      realName: participant.realName,
      email: participant.email,
      phone: participant.phone,
      gender: participant.gender,
      birthYear: participant.birthYear,
      municipality: participant.municipality?.name ?? null,
      postalCode: participant.postalCode,
      referralSource: participant.referralSource,
      goals: parseJson<string[]>(participant.goals, []),
      startOccupation: participant.startOccupation,
      startIncomeSources: parseJson<string[]>(participant.startIncomeSources, []),
      phase: participant.phase,
      phaseChangedAt: participant.phaseChangedAt,
      daysInPhase: daysBetween(participant.phaseChangedAt),
      enrolledAt: participant.enrolledAt,
      lastContactAt: participant.lastContactAt,
      nextContactAt: participant.nextContactAt,
      coach: participant.coach,
      hasAccount: Boolean(participant.user),
      signsInWithEmail: Boolean(participant.user?.email),
    },
    firstContact: firstContactStatus({
      enrolledAt: participant.enrolledAt,
      firstContactAt,
      exited: participant.phase === "exited",
    }),
    placements: participant.placements.map((pl) => ({
      id: pl.id,
      kind: pl.kind,
      status: pl.status,
      startDate: pl.startDate,
      endDate: pl.endDate,
      title: pl.opening.title,
      employerName: pl.opening.employer.name,
    })),
    consents: participant.consents.map((c) => ({
      id: c.id,
      scope: c.scope,
      given: c.given,
      date: c.date,
      withdrawnAt: c.withdrawnAt,
    })),
    phaseChanges: participant.phaseChanges.map((p) => ({
      id: p.id,
      fromPhase: p.fromPhase,
      toPhase: p.toPhase,
      at: p.at,
      by: p.by?.name ?? null,
    })),
    comments: participant.comments
      .filter((c) => !c.replyToId)
      .map((c) => ({
        id: c.id,
        body: c.body,
        createdAt: c.createdAt,
        author: c.author?.name ?? "Okänd",
        byParticipant: c.author?.role === "participant",
        replies: (replies.get(c.id) ?? []).map((r) => ({
          id: r.id,
          body: r.body,
          createdAt: r.createdAt,
          author: r.author?.name ?? "Okänd",
        })),
      })),
    contacts: participant.contacts.map((c) => ({
      id: c.id,
      kind: c.kind,
      occurredAt: c.occurredAt,
      notes: c.notes,
      employer: c.employer,
      coach: c.coach?.name ?? null,
    })),
    sections: filledSections(profile),
  };
}
