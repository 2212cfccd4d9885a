// The participant's rights (GDPR art. 15 and 17): export of everything Brygga holds about one
// participant, as JSON, and erasure that keeps only anonymous statistics (AnonymousOutcome).
//
// Erasure keeps a tombstone Participant row with no personal data (every personal field blanked,
// dates set to the erasure day), so the audit trail — who read or changed the record, and the
// erasure itself — stays browsable for the organisation without revealing who it was about.
import { currentTime } from "./clock.server.ts";
import { disclosureItems } from "~/domain/profile.ts";
import { environmentValueLabel } from "~/domain/profile.ts";
import { accommodations } from "~/domain/vocab/accommodations.ts";
import { auditActions, auditEntities } from "~/domain/vocab/audit.ts";
import { employerContactKinds, incomeSources, occupationStatuses } from "~/domain/vocab/outcomes.ts";
import { consentScopes, genders, goals, phases, referralSources } from "~/domain/vocab/participants.ts";
import { audit } from "./audit.server.ts";
import { db, parseJson, type DbOrTx } from "./db.server.ts";
import { loadProfile, profileLabels } from "./profiles.server.ts";

const coded = (code: string | null | undefined, label: (c: string) => string) =>
  code ? { code, label: label(code) } : null;

/** Everything about one participant, with labels beside codes, for a JSON download. */
export async function exportParticipant(participantId: string, exportedBy: { name: string; role: string }) {
  const p = await db.participant.findUniqueOrThrow({
    where: { id: participantId },
    include: {
      coach: { select: { name: true, email: true } },
      municipality: { select: { code: true, name: true } },
      consents: { orderBy: { createdAt: "asc" } },
      phaseChanges: { orderBy: { at: "asc" } },
      comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true, role: true } } } },
      contacts: { orderBy: { occurredAt: "asc" }, include: { employer: { select: { name: true } } } },
      proposals: {
        orderBy: { proposedAt: "asc" },
        include: { opening: { select: { title: true, employer: { select: { name: true } } } } },
      },
      placements: {
        orderBy: { startDate: "asc" },
        include: { opening: { select: { title: true, employer: { select: { name: true } } } } },
      },
      outcome: true,
      auditEvents: { orderBy: { at: "asc" }, include: { actor: { select: { name: true, role: true } } } },
    },
  });
  const { profile } = await loadProfile(p.id);
  const labels = await profileLabels(profile);
  return {
    format: "brygga-participant-export/1",
    exportedAt: currentTime().toISOString(),
    exportedBy,
    participant: {
      id: p.id,
      pseudonym: p.pseudonym,
      realName: p.realName,
      email: p.email,
      phone: p.phone,
      gender: coded(p.gender, genders.label),
      birthYear: p.birthYear,
      municipality: p.municipality,
      postalCode: p.postalCode,
      referralSource: coded(p.referralSource, referralSources.label),
      goals: parseJson<string[]>(p.goals, []).map((g) => coded(g, goals.label)),
      phase: coded(p.phase, phases.label),
      phaseChangedAt: p.phaseChangedAt,
      enrolledAt: p.enrolledAt,
      exitedAt: p.exitedAt,
      startOccupation: coded(p.startOccupation, occupationStatuses.label),
      startIncomeSources: parseJson<string[]>(p.startIncomeSources, []).map((s) => coded(s, incomeSources.label)),
      lastContactAt: p.lastContactAt,
      nextContactAt: p.nextContactAt,
      coach: p.coach,
    },
    consents: p.consents.map((c) => ({
      scope: coded(c.scope, consentScopes.label),
      given: c.given,
      date: c.date,
      withdrawnAt: c.withdrawnAt,
    })),
    phaseChanges: p.phaseChanges.map((c) => ({ from: c.fromPhase, to: c.toPhase, at: c.at })),
    profile: {
      interests: { occupations: labels.interestOccupations, groups: labels.interestGroups },
      strengths: profile.strengths,
      skills: labels.skills,
      experience: profile.experience,
      education: profile.education,
      drivingLicences: profile.drivingLicences,
      languages: labels.languages,
      preferences: profile.preferences,
      environmentPreferences: profile.environmentPrefs,
      needs: profile.needs.map((n) => ({ code: n.code, label: accommodations.label(n.code), must: n.must })),
      exclusions: {
        occupations: labels.excludedOccupations,
        groups: labels.excludedGroups,
        environment: profile.exclusions.environment.map((code) => ({ code, label: environmentValueLabel(code) })),
        schedule: profile.exclusions.schedule,
      },
      disclosure: disclosureItems.codes.map((item) => ({
        item,
        label: disclosureItems.label(item),
        employerMaySee: profile.disclosure[item] === true,
      })),
    },
    comments: p.comments.map((c) => ({
      body: c.body,
      createdAt: c.createdAt,
      author: c.author?.role === "participant" ? "deltagaren" : (c.author?.name ?? null),
      isReply: Boolean(c.replyToId),
    })),
    employerContacts: p.contacts.map((c) => ({
      employer: c.employer.name,
      kind: coded(c.kind, employerContactKinds.label),
      occurredAt: c.occurredAt,
      notes: c.notes,
      followUpDate: c.followUpDate,
    })),
    proposals: p.proposals.map((x) => ({
      opening: x.opening.title,
      employer: x.opening.employer.name,
      status: x.status,
      proposedAt: x.proposedAt,
      participantAnswer: x.participantAnswer,
      participantReason: x.participantReason,
      presentedAt: x.presentedAt,
      employerDecision: x.employerDecision,
      employerAnsweredAt: x.employerAnsweredAt,
    })),
    placements: p.placements.map((x) => ({
      opening: x.opening.title,
      employer: x.opening.employer.name,
      kind: x.kind,
      startDate: x.startDate,
      endDate: x.endDate,
      hoursPerWeek: x.hoursPerWeek,
      status: x.status,
    })),
    outcome: p.outcome
      ? {
          exitOccupation: p.outcome.exitOccupation,
          exitIncomeSources: parseJson<string[]>(p.outcome.exitIncomeSources, []),
          exitReason: p.outcome.exitReason,
          firstEmployerContactAt: p.outcome.firstEmployerContactAt,
          firstPlacementAt: p.outcome.firstPlacementAt,
          firstEmploymentAt: p.outcome.firstEmploymentAt,
        }
      : null,
    auditTrail: p.auditEvents.map((e) => ({
      at: e.at,
      action: auditActions.label(e.action),
      what: auditEntities.label(e.entity),
      by: e.actor ? (e.actor.role === "participant" ? "deltagaren" : e.actor.name) : null,
    })),
  };
}

/** First day of the month (UTC): dates kept in anonymous statistics are coarsened to the month. */
export function monthOf(date: Date | null | undefined): Date | null {
  return date ? new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)) : null;
}

export const ERASED_PSEUDONYM = "Raderad deltagare";

/** The admin's erasure of a participant (see eraseParticipant), in its own transaction. */
export async function eraseParticipantRecord(participantId: string, o: { actorId: string; ip?: string }) {
  await db.$transaction((tx) => eraseParticipant(tx, participantId, o));
}

/**
 * Erases a participant's personal data in one transaction: anonymous statistics are kept in
 * AnonymousOutcome; profile, consents, phases, comments, proposals, placements, outcome record and
 * the sign-in account are deleted; employer contacts are unlinked; the Participant row is blanked
 * to a tombstone; the erasure is audited (without personal data).
 */
export async function eraseParticipant(tx: DbOrTx, participantId: string, o: { actorId: string; ip?: string }) {
  const p = await tx.participant.findUniqueOrThrow({ where: { id: participantId }, include: { outcome: true } });
  const now = currentTime();
  const anonymous = await tx.anonymousOutcome.create({
    data: {
      organizationId: p.organizationId,
      gender: p.gender,
      birthYear: p.birthYear,
      municipalityCode: p.municipalityCode,
      enrolledAt: monthOf(p.enrolledAt)!,
      exitedAt: monthOf(p.exitedAt ?? now),
      startOccupation: p.startOccupation,
      startIncomeSources: p.startIncomeSources,
      exitOccupation: p.outcome?.exitOccupation ?? null,
      exitIncomeSources: p.outcome?.exitIncomeSources ?? "[]",
      exitReason: p.outcome?.exitReason ?? null,
    },
  });
  await tx.profile.deleteMany({ where: { participantId } });
  await tx.consent.deleteMany({ where: { participantId } });
  await tx.phaseChange.deleteMany({ where: { participantId } });
  await tx.profileComment.deleteMany({ where: { participantId } });
  await tx.outcomeRecord.deleteMany({ where: { participantId } });
  const placements = await tx.placement.findMany({ where: { participantId }, select: { id: true } });
  if (placements.length > 0) {
    await tx.thread.updateMany({
      where: { placementId: { in: placements.map((x) => x.id) } },
      data: { placementId: null },
    });
    await tx.placement.deleteMany({ where: { participantId } });
  }
  await tx.proposal.deleteMany({ where: { participantId } });
  await tx.employerContact.updateMany({ where: { participantId }, data: { participantId: null } });
  await tx.participant.update({
    where: { id: participantId },
    data: {
      userId: null,
      coachId: null,
      pseudonym: ERASED_PSEUDONYM,
      realName: null,
      email: null,
      phone: null,
      gender: "undisclosed",
      birthYear: null,
      municipalityCode: null,
      postalCode: null,
      lat: null,
      lng: null,
      referralSource: "erased",
      goals: "[]",
      phase: "exited",
      phaseChangedAt: now,
      enrolledAt: now,
      createdAt: now,
      startOccupation: null,
      startIncomeSources: "[]",
      nextContactAt: null,
      lastContactAt: null,
      exitedAt: now,
      erasedAt: now,
    },
  });
  if (p.userId) {
    // The participant's own reads stay in the trail, without the address they came from.
    await tx.auditEvent.updateMany({ where: { actorId: p.userId }, data: { ip: null } });
    await tx.user.delete({ where: { id: p.userId } });
  }
  await audit(tx, {
    actorId: o.actorId,
    participantId,
    action: "erase",
    entity: "erasure",
    detail: "Personuppgifter raderade, anonym statistik sparad",
    ip: o.ip,
  });
  return { anonymousOutcomeId: anonymous.id };
}
