// JobTech occupations and skills chosen in forms: check that ids exist, resolve typed text when the
// search-as-you-type list was not used (no JavaScript), and look up labels to show again.
import { suggestVocabulary, type VocabularyHit } from "../../search/index.ts";
import type { DbOrTx } from "./db.server.ts";

export type Concept = { id: string; label: string };

export async function findOccupation(tx: DbOrTx, id: string): Promise<Concept | null> {
  return tx.occupation.findUnique({ where: { id }, select: { id: true, label: true } });
}

/** The skills with these ids that exist, in the given order. */
export async function findSkills(tx: DbOrTx, ids: readonly string[]): Promise<Concept[]> {
  if (ids.length === 0) return [];
  const rows = await tx.skill.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, label: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((c): c is Concept => Boolean(c));
}

export type TextResolution = { match: Concept | null; suggestions: VocabularyHit[] };

/**
 * Typed text → the concept whose label it is (ignoring case and surrounding space), plus the best
 * suggestions for "Menade du …?" when it is not an exact label.
 */
export async function resolveConceptText(
  tx: DbOrTx,
  text: string,
  kind: "occupation" | "skill",
): Promise<TextResolution> {
  const suggestions = await suggestVocabulary(tx, text, { kind, limit: 8 });
  const wanted = text.trim().toLocaleLowerCase("sv");
  const exact = suggestions.find((s) => s.label.toLocaleLowerCase("sv") === wanted);
  return { match: exact ? { id: exact.id, label: exact.label } : null, suggestions };
}
