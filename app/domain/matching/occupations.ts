// Interest fit: how close an opening's occupation is to what the participant wants to do (docs/product-rules.md#matching).
//
// A participant's interests are JobTech occupations ("Lagerarbetare/Terminalarbetare") and SSYK
// groups of any level ("9111" Städare, "94" Snabbmatspersonal, köks- och restaurangbiträden m.fl.).
// For each interest we find the best way the opening's occupation matches it, and keep the best:
//
//   same occupation                          1.0
//   substitutable occupation (JobTech)       its percentage: 75 % → 0.75, 50 % → 0.5, 25 % → 0.25
//   same SSYK-4 group                        0.6
//   same SSYK-3 group                        0.45   (interpolated; the product rules list only 4 and 2)
//   same SSYK-2 group                        0.3
//   same SSYK-1 group                        0.1    (a major group is barely an interest)
//
// An interest given as a group code counts at the level of that group: "9111" matches every
// occupation in SSYK-4 group 9111 at 0.6, "94" every occupation below SSYK-2 group 94 at 0.3.
// A vaguer interest is weaker evidence than a named occupation, so it scores lower.
//
// Direction of substitutability. The taxonomy relation is directed: "A substitutes B with p %" reads
// "a person from occupation A can take a job as B" (Byggstädare → Städare 75 %, but Städare →
// Byggstädare 25 %: the specialist can do the general job more easily than the reverse). That is a
// credential question an employer asks about experienced workers. A Supported Employment participant's
// interest in X is a wish, usually without formal experience of either occupation, so the question the
// matcher asks is "is Y the same kind of work as X?", which has no direction. We therefore use the
// stronger of the two directions (X → Y or Y → X). In the JobTech snapshot 6,308 of 8,324 directed
// relations have an equal reverse relation, 386 have a different reverse percentage and 1,630 are
// listed one way only, so taking the maximum mostly repairs one-sided listings.
import type { OccupationGraph } from "./types.ts";
import { DEFAULT_TUNING, type MatchTuning } from "./weights.ts";

export type InterestMatch =
  | { kind: "occupation"; interestId: string; label: string }
  | { kind: "substitute"; interestId: string; interestLabel: string; percentage: number }
  | {
      kind: "group";
      level: 1 | 2 | 3 | 4;
      groupCode: string;
      groupLabel: string;
      /** The interest that matched: a named occupation in the same group, or the group code itself. */
      via: { type: "occupation"; interestId: string; interestLabel: string } | { type: "group" };
    };

export type InterestFit = { fit: number; match: InterestMatch | null };

export type ParticipantInterests = { occupationIds: readonly string[]; groupCodes: readonly string[] };

const levelKey = { 1: "ssyk1", 2: "ssyk2", 3: "ssyk3", 4: "ssyk4" } as const;

/** Substitutability between two occupations in percent, the stronger direction; 0 when unrelated. */
export function substitutability(graph: OccupationGraph, a: string, b: string): number {
  return Math.max(graph.substitutes.get(a)?.get(b) ?? 0, graph.substitutes.get(b)?.get(a) ?? 0);
}

function sharedSsykLevel(a: string, b: string): 0 | 1 | 2 | 3 | 4 {
  let n = 0;
  while (n < 4 && n < a.length && n < b.length && a[n] === b[n]) n++;
  return n as 0 | 1 | 2 | 3 | 4;
}

export function occupationLabel(graph: OccupationGraph, id: string): string {
  return graph.occupations.get(id)?.label ?? id;
}

export function groupLabel(graph: OccupationGraph, code: string): string {
  return graph.groupLabels?.get(code) ?? `SSYK ${code}`;
}

/**
 * How well an opening's occupation fits the participant's interests, 0..1, and the interest that
 * matched best (null when none does). `openingSsyk4Code` overrides the graph's SSYK code for the
 * opening (callers usually have it on the opening row).
 */
export function interestFit(
  openingOccupationId: string,
  interests: ParticipantInterests,
  graph: OccupationGraph,
  options: { openingSsyk4Code?: string; tuning?: MatchTuning } = {},
): InterestFit {
  const levels = (options.tuning ?? DEFAULT_TUNING).interestLevels;
  const openingSsyk = options.openingSsyk4Code ?? graph.occupations.get(openingOccupationId)?.ssyk4Code ?? "";
  let best: InterestFit = { fit: 0, match: null };
  const consider = (fit: number, match: InterestMatch) => {
    if (fit > best.fit) best = { fit, match };
  };

  for (const interestId of interests.occupationIds) {
    const interestLabel = occupationLabel(graph, interestId);
    if (interestId === openingOccupationId) {
      consider(levels.occupation, { kind: "occupation", interestId, label: interestLabel });
      continue;
    }
    const percentage = substitutability(graph, interestId, openingOccupationId);
    if (percentage > 0) consider(percentage / 100, { kind: "substitute", interestId, interestLabel, percentage });
    const interestSsyk = graph.occupations.get(interestId)?.ssyk4Code;
    if (interestSsyk && openingSsyk) {
      const level = sharedSsykLevel(interestSsyk, openingSsyk);
      if (level !== 0) {
        const groupCode = openingSsyk.slice(0, level);
        consider(levels[levelKey[level]], {
          kind: "group",
          level,
          groupCode,
          groupLabel: groupLabel(graph, groupCode),
          via: { type: "occupation", interestId, interestLabel },
        });
      }
    }
  }

  for (const code of interests.groupCodes) {
    if (!/^\d{1,4}$/.test(code) || !openingSsyk.startsWith(code)) continue;
    const level = code.length as 1 | 2 | 3 | 4;
    consider(levels[levelKey[level]], {
      kind: "group",
      level,
      groupCode: code,
      groupLabel: groupLabel(graph, code),
      via: { type: "group" },
    });
  }
  return best;
}

/** The reason sentence for an interest fit, in Swedish. */
export function interestText(fit: InterestFit, openingOccupationLabel: string): string {
  const m = fit.match;
  if (!m) return `Yrket ${openingOccupationLabel} finns inte bland intressena`;
  switch (m.kind) {
    case "occupation":
      return `Matchar intresse: ${m.label}`;
    case "substitute":
      return `Liknande yrke: ${openingOccupationLabel} (liknar ${m.interestLabel}, ${m.percentage} % överförbart)`;
    case "group": {
      if (m.via.type === "group") return `Inom intresset ${m.groupLabel}: ${openingOccupationLabel}`;
      const interest = m.via.interestLabel;
      switch (m.level) {
        case 4:
          return `Samma yrkesgrupp som intresset ${interest}: ${m.groupLabel}`;
        case 3:
          return `Närliggande yrkesgrupp till intresset ${interest}: båda inom ${m.groupLabel}`;
        case 2:
          return `Samma yrkesområde som intresset ${interest}: ${m.groupLabel}`;
        case 1:
          // An SSYK major group ("Yrken med krav på kortare utbildning eller introduktion") says
          // little about the kind of work: a weak link, and the text says so.
          return `Svag koppling till intresset ${interest}: bara samma breda yrkeskategori (${m.groupLabel})`;
      }
    }
  }
}
