// Vocational profiles: reading with labels (occupations, groups, skills, languages), checking that
// referenced ids exist before saving, writing one section at a time, and the participant's own
// comments on the profile. Every write is audited in the same transaction.
import { readProfile, type ProfileData, type ProfileRow } from "~/domain/profile.ts";
import { audit } from "./audit.server.ts";
import { db, type DbOrTx } from "./db.server.ts";
import type { FieldErrors } from "~/domain/forms.ts";

export type Labeled = { id: string; label: string };

const profileSelect = {
  interests: true,
  strengths: true,
  skillIds: true,
  experience: true,
  education: true,
  drivingLicences: true,
  languageIds: true,
  preferences: true,
  environmentPrefs: true,
  needs: true,
  exclusions: true,
  disclosure: true,
  updatedAt: true,
} as const;

export async function loadProfile(participantId: string): Promise<{ profile: ProfileData; updatedAt: Date | null }> {
  const row = await db.profile.findUnique({ where: { participantId }, select: profileSelect });
  return { profile: readProfile(row as ProfileRow | null), updatedAt: row?.updatedAt ?? null };
}

function inOrder(ids: string[], rows: Labeled[]): Labeled[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** Labels for every id a profile refers to, in the profile's order. */
export async function profileLabels(profile: ProfileData) {
  const occupationIds = [
    ...new Set([
      ...profile.interests.occupationIds,
      ...profile.exclusions.occupationIds,
      ...profile.experience.flatMap((e) => (e.occupationId ? [e.occupationId] : [])),
    ]),
  ];
  const groupCodes = [...new Set([...profile.interests.groupCodes, ...profile.exclusions.groupCodes])];
  const [occupations, groups, skills, languages] = await Promise.all([
    db.occupation.findMany({ where: { id: { in: occupationIds } }, select: { id: true, label: true } }),
    db.occupationGroup.findMany({ where: { code: { in: groupCodes } }, select: { code: true, label: true } }),
    db.skill.findMany({ where: { id: { in: profile.skillIds } }, select: { id: true, label: true } }),
    db.language.findMany({ where: { id: { in: profile.languageIds } }, select: { id: true, label: true } }),
  ]);
  const groupRows = groups.map((g) => ({ id: g.code, label: g.label }));
  const occupationById = new Map(occupations.map((o) => [o.id, o.label]));
  return {
    interestOccupations: inOrder(profile.interests.occupationIds, occupations),
    interestGroups: inOrder(profile.interests.groupCodes, groupRows),
    excludedOccupations: inOrder(profile.exclusions.occupationIds, occupations),
    excludedGroups: inOrder(profile.exclusions.groupCodes, groupRows),
    skills: inOrder(profile.skillIds, skills),
    languages: inOrder(profile.languageIds, languages),
    occupationLabel: Object.fromEntries(occupationById) as Record<string, string>,
  };
}
export type ProfileLabels = Awaited<ReturnType<typeof profileLabels>>;

/** SSYK groups offered as interests and exclusions: level 2 (broad areas) and level 4. */
export async function occupationGroupOptions(): Promise<Labeled[]> {
  const groups = await db.occupationGroup.findMany({
    where: { level: { in: [2, 4] } },
    orderBy: { code: "asc" },
    select: { code: true, label: true, level: true },
  });
  return groups.map((g) => ({ id: g.code, label: g.level === 2 ? `${g.label} (yrkesområde)` : g.label }));
}

export async function languageOptions(): Promise<Labeled[]> {
  const languages = await db.language.findMany({ select: { id: true, label: true } });
  const collator = new Intl.Collator("sv");
  return languages.sort((a, b) => collator.compare(a.label, b.label));
}

type IdCheck = { field: string; ids: string[]; kind: "occupation" | "group" | "skill" | "language" };

const unknownMessage: Record<IdCheck["kind"], string> = {
  occupation: "Yrket finns inte i yrkesregistret",
  group: "Yrkesgruppen finns inte",
  skill: "Kompetensen finns inte i registret",
  language: "Språket finns inte i registret",
};

/** Every id must exist in its reference table; returns field errors naming the unknown ones. */
export async function checkReferenceIds(checks: IdCheck[]): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const check of checks) {
    const ids = [...new Set(check.ids)];
    if (ids.length === 0) continue;
    let found: string[];
    if (check.kind === "occupation")
      found = (await db.occupation.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id);
    else if (check.kind === "group")
      found = (await db.occupationGroup.findMany({ where: { code: { in: ids } }, select: { code: true } })).map(
        (r) => r.code,
      );
    else if (check.kind === "skill")
      found = (await db.skill.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id);
    else found = (await db.language.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id);
    const missing = ids.filter((id) => !found.includes(id));
    if (missing.length > 0)
      (errors[check.field] ??= []).push(`${unknownMessage[check.kind]}: ${missing.join(", ")}. Välj från listan.`);
  }
  return errors;
}

/** Writes the given profile parts (creating the profile row when missing). */
export async function saveProfileParts(tx: DbOrTx, participantId: string, columns: Partial<ProfileRow>) {
  await tx.profile.upsert({ where: { participantId }, create: { participantId, ...columns }, update: columns });
}

/** The coach saves one section of the profile (audited with the section's title). */
export async function saveProfileSection(
  user: { id: string },
  participantId: string,
  columns: Partial<ProfileRow>,
  sectionTitle: string,
  ip?: string,
) {
  await db.$transaction(async (tx) => {
    await saveProfileParts(tx, participantId, columns);
    await audit(tx, { actorId: user.id, participantId, action: "update", entity: "profile", detail: sectionTitle, ip });
  });
}

/** The participant comments on their own profile; the coach sees it as unanswered. */
export async function addOwnProfileComment(user: { id: string }, participantId: string, body: string, ip?: string) {
  await db.$transaction(async (tx) => {
    await tx.profileComment.create({ data: { participantId, authorId: user.id, body } });
    await audit(tx, { actorId: user.id, participantId, action: "create", entity: "comment", ip });
  });
}
