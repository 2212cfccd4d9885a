// What a submitted text field may contain. Control characters (NUL, ESC …), bidirectional
// overrides (U+202E makes "gpj.exe" read "exe.jpg"), invisible format characters and the Unicode
// line separators are removed before any form is parsed; tabs and newlines stay. Each value is
// also capped, so no field — with or without its own maximum — carries more than MAX_FIELD_CHARS,
// and what a form echoes back after an error is at most the field's own maximum.
// Shared by client and server (no I/O).

/** Longer than any field's own maximum (the longest is 4 000), so a capped value still fails it. */
export const MAX_FIELD_CHARS = 10_000;
/** Values under one name (checkboxes, lists). */
export const MAX_FIELD_VALUES = 1_000;

// C0 controls except tab, newline and carriage return; DEL; C1 controls; zero-width space, bidi
// marks, embeddings, overrides and isolates; word joiner and invisible operators; BOM;
// interlinear annotations. U+2028/U+2029 become newlines.
const UNWANTED =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/gu;

/** The text without control and invisible format characters, at most MAX_FIELD_CHARS long. */
export function cleanInput(value: string): string {
  const capped = value.length > MAX_FIELD_CHARS * 2 ? value.slice(0, MAX_FIELD_CHARS * 2) : value;
  return capped
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(UNWANTED, "")
    .slice(0, MAX_FIELD_CHARS);
}

/** A value as it may be shown back in a form after an error: cleaned, and at most `max` long. */
export function echoValue(value: string | string[], max = MAX_FIELD_CHARS): string | string[] {
  return Array.isArray(value) ? value.slice(0, MAX_FIELD_VALUES).map((v) => v.slice(0, max)) : value.slice(0, max);
}
