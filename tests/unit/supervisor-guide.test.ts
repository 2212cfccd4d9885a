// Handledarstöd (issue 15): a guide for every accommodation code, and the introduction checklist
// (base items plus one per disclosed accommodation, in phase order) with its progress.
import { describe, expect, test } from "vitest";
import { BASE_ITEMS, CHECKLIST_PHASES, checklistFor, checklistProgress, guides } from "~/domain/supervisor-guide.ts";
import { accommodations } from "~/domain/vocab/accommodations.ts";

describe("handledarstöd", () => {
  test("every accommodation code has a guide with what, how, what to watch for and a checklist item", () => {
    expect(guides.map((g) => g.code)).toEqual([...accommodations.codes]);
    for (const g of guides) {
      expect(g.what.length).toBeGreaterThan(10);
      expect(g.how.length).toBeGreaterThan(0);
      expect(g.watch.length).toBeGreaterThan(0);
      expect(g.items.length).toBeGreaterThan(0);
      for (const s of g.sources) expect(s.url).toMatch(/^https:\/\//);
    }
  });

  test("the checklist: base items in every phase, one more per disclosed accommodation, in phase order", () => {
    const base = checklistFor([]);
    expect(base).toHaveLength(BASE_ITEMS.length);
    for (const phase of CHECKLIST_PHASES) expect(base.some((i) => i.phase === phase)).toBe(true);
    const withNeeds = checklistFor(["written_instructions", "partly_remote"]);
    expect(withNeeds).toHaveLength(BASE_ITEMS.length + 2);
    expect(withNeeds.filter((i) => i.accommodation).map((i) => i.id)).toEqual([
      "written_instructions:1",
      "partly_remote:1",
    ]);
    const order = withNeeds.map((i) => CHECKLIST_PHASES.indexOf(i.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test("progress counts only ticks for items on the list", () => {
    const items = checklistFor(["extra_breaks"]);
    expect(checklistProgress(items, ["before:tasks", "extra_breaks:1", "quiet_workspace:1"])).toEqual({
      done: 2,
      total: BASE_ITEMS.length + 1,
    });
  });
});
