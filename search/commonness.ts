// How everyday an occupation is for someone in Supported Employment/IPS, for ranking the
// search-as-you-type list (issue 14, item 3). Computed once when the vocabulary index is built
// (search/sqlite/schema.ts) and stored with the label, so a keystroke costs no extra query.
//
// The JobTech data gives two signals: the list "Yrkessamling, yrken utan krav på utbildning"
// (Occupation.noEducationRequired) and the SSYK 2012 major group, whose first digit follows the
// skill level: 9 "Yrken med krav på kortare utbildning eller introduktion", 4–8 upper-secondary
// level trades, service and office work, 3 post-secondary, 2 university, 1 managers, 0 military.
// Within a group, supervisory titles (Arbetsledare, Kassaledare, Butikschef …) are not entry jobs,
// and titles naming the hands-on worker (Lagerarbetare, Köksbiträde, Kassapersonal) are.
import { tokenize } from "./text.ts";

/** Higher is more everyday. */
export const COMMONNESS = {
  /** No formal education: the JobTech list, or SSYK major group 9. */
  noEducation: 4,
  /** A hands-on worker title in SSYK major groups 4–8 ("Lagerarbetare", "Charkuteriarbetare"). */
  worker: 3,
  /** Other SSYK major groups 4–8: upper-secondary level. */
  trade: 2,
  /** SSYK major group 3: post-secondary level. */
  postSecondary: 1,
  /** University level, managers, military, and supervisory titles anywhere. */
  specialist: 0,
} as const;

// Folded (search/text.ts): "biträde" → "bitrade".
const WORKER_WORD = /(arbetare|bitrade|personal|hjalp)$/;
const SUPERVISOR_WORD = /(chef|ledare|forman|forestandare|direktor|ansvarig)$/;

/**
 * The names a label gives, one per "/": "Lagerarbetare/Terminalarbetare" → both, each a name on
 * its own (a parenthesis or a single letter after "/" stays with its name).
 */
export function labelAlternatives(label: string): string[] {
  return label
    .split("/")
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

/** The first word of each alternative name, folded: what "starts with" means for a label. */
export function headWords(label: string): string[] {
  return labelAlternatives(label)
    .map((a) => tokenize(a)[0])
    .filter((w): w is string => w !== undefined);
}

export function occupationCommonness(o: { label: string; ssyk4Code: string; noEducationRequired: boolean }): number {
  const heads = headWords(o.label);
  const major = o.ssyk4Code.charAt(0);
  if (heads.some((w) => SUPERVISOR_WORD.test(w)) && !o.noEducationRequired) return COMMONNESS.specialist;
  if (o.noEducationRequired || major === "9") return COMMONNESS.noEducation;
  if (["4", "5", "6", "7", "8"].includes(major)) {
    return heads.some((w) => WORKER_WORD.test(w)) ? COMMONNESS.worker : COMMONNESS.trade;
  }
  if (major === "3") return COMMONNESS.postSecondary;
  return COMMONNESS.specialist;
}
