// Where to go after sign-in (or any other `redirectTo`): only a path on this site is followed.
// Browsers strip tabs and newlines from URLs and treat a backslash as a slash, so "/\t/evil.example"
// or "/\\evil.example" would leave the site; anything with whitespace, control characters or
// backslashes is refused outright, and what remains must resolve to this origin.

const PROBE_ORIGIN = "http://brygga.invalid";
const MAX_REDIRECT_LENGTH = 2000;
// Whitespace of every kind (\s covers \t \n \v \f \r, U+00A0, U+2028/9, U+3000 …), C0/C1 controls,
// backslashes, and invisible format characters (zero-width, bidi controls).
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE = /[\s\u0000-\u001f\u007f-\u009f\\\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** `to` when it is a path on this site (normalised, percent-encoded), otherwise `fallback`. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_REDIRECT_LENGTH) return fallback;
  if (UNSAFE.test(to) || !to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
