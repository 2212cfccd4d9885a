// Handledarstöd on a placement (issue 15): the guides for the accommodations the participant has
// disclosed, and the introduction checklist the supervisor ticks; the coach sees the progress on
// the placement and in the week view. Only disclosed needs count: without the participant's yes to
// showing "Anpassningar som behövs", the employer gets the general checklist and no guides.
import { currentTime } from "./clock.server.ts";
import { z } from "zod";
import type { SessionUser } from "./auth.server.ts";
import { db } from "./db.server.ts";
import { loadProfile } from "./profiles.server.ts";
import type { LoadedPlacement } from "./support.server.ts";
import { fail, ok, type Result } from "~/domain/result.ts";
import { readProfile, type ProfileRow } from "~/domain/profile.ts";
import {
  checklistFor,
  checklistProgress,
  guideFor,
  type ChecklistItem,
  type ChecklistProgress,
  type Guide,
} from "~/domain/supervisor-guide.ts";
import type { Accommodation } from "~/domain/vocab/accommodations.ts";

function disclosedFrom(profile: { needs: Array<{ code: Accommodation }>; disclosure: { needs?: boolean } }) {
  if (profile.disclosure.needs !== true) return [];
  return [...new Set(profile.needs.map((n) => n.code))];
}

/** The accommodation codes the participant lets the employer see (none unless needs are disclosed). */
export async function disclosedAccommodations(participantId: string): Promise<Accommodation[]> {
  const { profile } = await loadProfile(participantId);
  return disclosedFrom(profile);
}

export type ChecklistView = {
  guides: Guide[];
  items: Array<ChecklistItem & { done: boolean }>;
  progress: ChecklistProgress;
};

export async function loadChecklist(placement: Pick<LoadedPlacement, "id" | "participantId">): Promise<ChecklistView> {
  const codes = await disclosedAccommodations(placement.participantId);
  const items = checklistFor(codes);
  const ticks = await db.checklistTick.findMany({ where: { placementId: placement.id }, select: { itemId: true } });
  const ticked = new Set(ticks.map((t) => t.itemId));
  return {
    guides: codes.map(guideFor),
    items: items.map((item) => ({ ...item, done: ticked.has(item.id) })),
    progress: checklistProgress(items, ticked),
  };
}

export const tickShape = {
  itemId: z.string({ error: "Välj en punkt i listan." }).trim().min(1, "Välj en punkt i listan.").max(80),
  done: z.enum(["yes", "no"], { error: "Välj klar eller inte klar." }),
};

/** Tick or untick one item of the placement's checklist; an item not on its list is refused. */
export async function setChecklistItem(
  user: SessionUser,
  placement: Pick<LoadedPlacement, "id" | "participantId" | "status">,
  input: { itemId: string; done: boolean },
  now = currentTime(),
): Promise<Result<{ message: string }>> {
  if (placement.status === "ended") return fail({ message: "Placeringen är avslutad. Listan kan inte ändras." });
  const items = checklistFor(await disclosedAccommodations(placement.participantId));
  const item = items.find((i) => i.id === input.itemId);
  if (!item) return fail({ message: "Den punkten finns inte i listan." });
  if (input.done)
    await db.checklistTick.upsert({
      where: { placementId_itemId: { placementId: placement.id, itemId: item.id } },
      create: { placementId: placement.id, itemId: item.id, doneAt: now, doneById: user.id },
      update: {},
    });
  else await db.checklistTick.deleteMany({ where: { placementId: placement.id, itemId: item.id } });
  return ok({ message: input.done ? `Klart: ${item.text}` : `Inte klart längre: ${item.text}` });
}

/** Progress for several placements at once (the coach's placement list and week view). */
export async function checklistProgressFor(
  placements: Array<{ id: string; participantId: string }>,
): Promise<Map<string, ChecklistProgress>> {
  const result = new Map<string, ChecklistProgress>();
  if (placements.length === 0) return result;
  const participantIds = [...new Set(placements.map((p) => p.participantId))];
  const [profiles, ticks] = await Promise.all([
    db.profile.findMany({ where: { participantId: { in: participantIds } } }),
    db.checklistTick.findMany({
      where: { placementId: { in: placements.map((p) => p.id) } },
      select: { placementId: true, itemId: true },
    }),
  ]);
  const profileOf = new Map(profiles.map((row) => [row.participantId, readProfile(row as unknown as ProfileRow)]));
  for (const placement of placements) {
    const profile = profileOf.get(placement.participantId);
    const items = checklistFor(profile ? disclosedFrom(profile) : []);
    const ticked = ticks.filter((t) => t.placementId === placement.id).map((t) => t.itemId);
    result.set(placement.id, checklistProgress(items, ticked));
  }
  return result;
}

/**
 * Placements still in their introduction, with how far the supervisor has come on the checklist
 * (the coach's week view): the coach's own participants, or the whole organisation with `all`.
 */
export async function introductionProgress(
  user: { id: string; organizationId: string },
  options: { all?: boolean } = {},
) {
  const placements = await db.placement.findMany({
    where: {
      status: "introduction",
      participant: {
        organizationId: user.organizationId,
        erasedAt: null,
        ...(options.all ? {} : { coachId: user.id }),
      },
    },
    orderBy: { startDate: "asc" },
    select: {
      id: true,
      participantId: true,
      startDate: true,
      participant: { select: { pseudonym: true } },
      opening: { select: { title: true, employer: { select: { name: true } } } },
    },
  });
  const progress = await checklistProgressFor(placements);
  return placements.map((p) => ({
    id: p.id,
    pseudonym: p.participant.pseudonym,
    title: p.opening.title,
    employerName: p.opening.employer.name,
    startDate: p.startDate,
    progress: progress.get(p.id)!,
  }));
}

/** For the placement pages: the supervisor's checklist progress and whether a lönestödsförslag exists. */
export async function placementSupportExtras(placement: { id: string; participantId: string }) {
  const [progress, plan] = await Promise.all([
    checklistProgressFor([placement]),
    db.wageSubsidyPlan.findUnique({ where: { placementId: placement.id }, select: { id: true } }),
  ]);
  return { checklist: progress.get(placement.id)!, hasWageSubsidyPlan: plan !== null };
}
