// Small-group suppression for funder exports, so that no single person can be identified.
//
// 1. Primary: a count of people from 1 to (minGroupSize − 1) is hidden ("<3"). Zero is shown.
// 2. Complementary: where shown cells add up to a shown total (women + men + other + not stated =
//    total; categories of a single-choice question = all), exactly one hidden cell could be worked
//    out by subtraction, so one more non-zero cell of that sum is hidden: detail before totals and
//    before the numbers other figures rest on, then the cell in the fewest sums (so that hiding
//    cascades least), then the smallest.
//    Repeated until nothing changes, over every table at once (a cell shown in two tables is one
//    cell, hidden in both or neither).
// 3. A small group (1 to minGroupSize − 1 people, e.g. the women who left) shows no breakdown at
//    all: every count about it is hidden, zeros included, so nobody can tell which category the few
//    people are in.
// 4. Derived figures (shares, changes, medians, means) are hidden when any count they are computed
//    from is hidden, or when they rest on fewer than minGroupSize people.
// Sums are also checked against what a reader knows of hidden cells: never below 0, and "<3" means
// 1 or 2 — e.g. three "<3" cells in a sum of 3 are each 1, so one more cell is hidden.

/** small: a count of 1 to minGroupSize − 1 people ("<3"); protected: hidden so that no hidden count can be worked out ("x"). */
export type HiddenReason = "small" | "protected";

export type SumConstraint = { parts: string[]; total: string };

export class Suppressor {
  private readonly values = new Map<string, number>();
  private readonly hidden = new Set<string>();
  private readonly constraints: SumConstraint[] = [];
  private readonly constraintKeys = new Set<string>();
  /** In how many sums each cell takes part: hiding a cell in few sums cascades least. */
  private readonly memberships = new Map<string, number>();
  private readonly priorities = new Map<string, number>();
  private readonly protectedIds = new Set<string>();
  private solved = false;

  constructor(
    readonly enabled: boolean,
    readonly minGroupSize: number,
  ) {}

  /**
   * Registers a count of people under a stable id (the same id in two tables is one cell).
   * `priority`: how much the cell should stay visible when one more cell must be hidden (totals
   * and the numbers other figures rest on are kept before detail).
   */
  count(id: string, value: number, priority = 1): string {
    const known = this.values.get(id);
    if (known !== undefined && known !== value)
      throw new Error(`Suppression: cell ${id} registered with ${known} and ${value}`);
    this.values.set(id, value);
    this.priorities.set(id, Math.max(priority, this.priorities.get(id) ?? priority));
    this.solved = false;
    return id;
  }

  /** Hides a registered cell whatever its value (a small group's breakdown, zeros included). */
  protect(id: string) {
    if (!this.values.has(id)) throw new Error(`Suppression: unknown cell ${id}`);
    if (this.enabled) this.protectedIds.add(id);
    this.solved = false;
  }

  /** States that the parts add up to the total (both must be registered counts). */
  sum(parts: string[], total: string) {
    const key = `${parts.join(",")}=${total}`;
    if (this.constraintKeys.has(key)) return;
    this.constraintKeys.add(key);
    this.constraints.push({ parts, total });
    for (const id of [...parts, total]) this.memberships.set(id, (this.memberships.get(id) ?? 0) + 1);
    this.solved = false;
  }

  private isPrimary(id: string) {
    const v = this.values.get(id) ?? 0;
    return v > 0 && v < this.minGroupSize;
  }

  /**
   * Whether a reader could work out a hidden cell of the sum from what is shown: exactly one
   * hidden cell; or the shown total minus the shown parts leaves exactly the least (or, when every
   * hidden part is known to be a small count, the most) the hidden parts can hold — e.g. 0 left for
   * hidden parts (all are 0), or 3 left for three hidden "<3" cells (each is 1).
   */
  private leaks(c: SumConstraint): boolean {
    const hiddenParts = c.parts.filter((id) => this.hidden.has(id));
    const totalHidden = this.hidden.has(c.total);
    if (hiddenParts.length + (totalHidden ? 1 : 0) === 1) return true;
    if (totalHidden || hiddenParts.length === 0) return false;
    const rest =
      this.values.get(c.total)! -
      c.parts.filter((id) => !this.hidden.has(id)).reduce((sum, id) => sum + this.values.get(id)!, 0);
    const small = hiddenParts.filter((id) => this.isPrimary(id) && !this.protectedIds.has(id)).length;
    const least = small;
    const most = small === hiddenParts.length ? small * (this.minGroupSize - 1) : Infinity;
    return rest === least || rest === most;
  }

  private solve() {
    if (this.solved) return;
    this.solved = true;
    this.hidden.clear();
    if (!this.enabled) return;
    for (const id of this.values.keys()) if (this.isPrimary(id)) this.hidden.add(id);
    for (const id of this.protectedIds) this.hidden.add(id);
    let changed = true;
    while (changed) {
      changed = false;
      for (const c of this.constraints) {
        if (!this.leaks(c)) continue;
        // One more cell to hide: a non-zero one (the total first when only zeros are left), lowest
        // priority first, then the one in the fewest sums (so hiding cascades least), then the smallest.
        const visible = [...c.parts, c.total].filter((id) => !this.hidden.has(id));
        const positive = visible.filter((id) => (this.values.get(id) ?? 0) > 0);
        const pool = positive.length > 0 ? positive : visible.includes(c.total) ? [c.total] : visible;
        const next =
          pool.sort(
            (a, b) =>
              (this.priorities.get(a) ?? 1) - (this.priorities.get(b) ?? 1) ||
              (this.memberships.get(a) ?? 0) - (this.memberships.get(b) ?? 0) ||
              this.values.get(a)! - this.values.get(b)! ||
              a.localeCompare(b),
          )[0] ?? null;
        if (next) {
          this.hidden.add(next);
          changed = true;
        }
      }
    }
  }

  isHidden(id: string): boolean {
    this.solve();
    return this.hidden.has(id);
  }

  /**
   * Why a cell is hidden: "small" (1 to minGroupSize − 1 people) or "protected" (complementary, or
   * part of a small group's breakdown — those are all marked alike, so the marker reveals nothing).
   */
  reason(id: string): HiddenReason | null {
    if (!this.isHidden(id)) return null;
    return this.isPrimary(id) && !this.protectedIds.has(id) ? "small" : "protected";
  }

  value(id: string): number {
    const v = this.values.get(id);
    if (v === undefined) throw new Error(`Suppression: unknown cell ${id}`);
    return v;
  }

  /**
   * Whether a figure derived from these counts must be hidden; `basis` is the number of people it
   * rests on (a share's denominator, a median's count).
   */
  hideDerived(inputs: string[], basis?: number): boolean {
    if (!this.enabled) return false;
    if (inputs.some((id) => this.isHidden(id))) return true;
    return basis !== undefined && basis > 0 && basis < this.minGroupSize;
  }
}
