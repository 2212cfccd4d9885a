// Swedish text assembly in one place (issue 14, item 6): lists ("a, b och c"), counts with the
// right noun form ("1 kollega", "2 kollegor"), participles that agree with their noun ("Intressen
// är sparade", "Erfarenheten är sparad") and sentences joined without ". fungerade" or "..".
// Pure: no React, no I/O.

/** "a", "a och b", "a, b och c" (no serial comma, as in Swedish). Empty items are left out. */
export function joinSv(items: readonly string[], conjunction: "och" | "eller" = "och"): string {
  const list = items.map((i) => i.trim()).filter((i) => i.length > 0);
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} ${conjunction} ${list[list.length - 1]}`;
}

/** A noun's singular and plural ("kollega", "kollegor"). */
export type NounForms = { one: string; many: string };

/** The noun form for a count: 1 → one, anything else (0, 2, 1,5) → many. */
export function nounFor(n: number, forms: NounForms): string {
  return n === 1 ? forms.one : forms.many;
}

/** A count with its noun: "1 kollega", "0 kollegor", "12 kollegor". */
export function countSv(n: number, forms: NounForms): string {
  return `${n} ${nounFor(n, forms)}`;
}

/** Nouns the app counts, so their forms are written once. */
export const NOUNS = {
  colleague: { one: "kollega", many: "kollegor" },
  day: { one: "dag", many: "dagar" },
  week: { one: "vecka", many: "veckor" },
  minute: { one: "minut", many: "minuter" },
  hit: { one: "träff", many: "träffar" },
  opening: { one: "annons", many: "annonser" },
  municipality: { one: "kommun", many: "kommuner" },
  message: { one: "meddelande", many: "meddelanden" },
  newMessage: { one: "nytt meddelande", many: "nya meddelanden" },
  newComment: { one: "ny kommentar", many: "nya kommentarer" },
  event: { one: "händelse", many: "händelser" },
  hour: { one: "timme", many: "timmar" },
  conversation: { one: "konversation", many: "konversationer" },
  new: { one: "nytt", many: "nya" },
} as const satisfies Record<string, NounForms>;

/** What a participle agrees with: an en-word, an ett-word, or a plural. */
export type Agreement = "en" | "ett" | "plural";

/** A participle in the form its noun needs: ("sparad", "ett") → "sparat", ("sparad", "plural") → "sparade". */
export function participleSv(enForm: string, agreement: Agreement): string {
  if (agreement === "en") return enForm;
  // -d participles (sparad, ändrad, skickad): ett → -t, plural → -de.
  if (enForm.endsWith("d")) return agreement === "ett" ? `${enForm.slice(0, -1)}t` : `${enForm}e`;
  // -t participles (köpt, skickat is not one): ett unchanged, plural -a.
  if (enForm.endsWith("t")) return agreement === "ett" ? enForm : `${enForm}a`;
  return enForm;
}

/** "Intressen är sparade.", "Erfarenheten är sparad." */
export function savedSv(subject: string, agreement: Agreement): string {
  return `${subject} är ${participleSv("sparad", agreement)}.`;
}

export function capitalizeSv(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv") + text.slice(1);
}

export function lowerFirstSv(text: string): string {
  return text.charAt(0).toLocaleLowerCase("sv") + text.slice(1);
}

const END_PUNCTUATION = /[.!?…:]$/;

/**
 * Sentences joined into one text: each part trimmed, started with a capital letter and ended with
 * one full stop (unless it already ends with . ! ? … or :), empty parts left out. So
 * ["40 timmar i veckan", "fungerade bra: arbetstiden", "Schemat var klart i god tid."] →
 * "40 timmar i veckan. Fungerade bra: arbetstiden. Schemat var klart i god tid."
 */
export function sentencesSv(parts: ReadonlyArray<string | null | undefined | false>): string {
  return parts
    .map((p) => (typeof p === "string" ? p.trim().replace(/\s*\.{2,}$/, ".") : ""))
    .filter((p) => p.length > 0)
    .map((p) => {
      const s = capitalizeSv(p);
      return END_PUNCTUATION.test(s) && !s.endsWith(":") ? s : `${s.replace(/:$/, "")}.`;
    })
    .join(" ");
}

/** "Körkort: B och C" – a label and its items, or null when there are none. */
export function labelledListSv(label: string, items: readonly string[]): string | null {
  const list = joinSv(items);
  return list ? `${label}: ${list}` : null;
}
