// The new part of an email reply: what the person wrote above the quoted message, without the
// quote, the quote's header line, Outlook's header block, the signature or "Sent from my phone".
// Pure (no I/O); tests/unit/reply-text.test.ts shows the shapes of real mail clients it handles.

/**
 * The first line of a quote header: "Den …" / "On …" (Gmail, Thunderbird, Apple Mail in English),
 * a date first ("5 mars 2026 kl. 10:15 skrev …", "2026-03-05 10:15 skrev …"), or a weekday first
 * ("tors 5 mars 2026 kl. 10:15 skrev …", "Thu, Mar 5, 2026 at 10:15 AM … wrote:").
 */
const HEADER_START = /^(?:den|on)\s|^\d|^(?:mån|tis|ons|tor|fre|lör|sön|mon|tue|wed|thu|fri|sat|sun)[a-zåäö]*\.?,?\s/i;
const HEADER_PREFIXED = /^(?:den|on)\s/i;
/** …and how it ends: "skrev …:" / "wrote:". */
const HEADER_END = /\b(?:skrev|wrote)\b[^\n]{0,300}:\s*$/i;
/** Outlook: "-----Original Message-----", "-----Ursprungligt meddelande-----", "____…" */
const OUTLOOK_SEPARATOR =
  /^\s*(?:-{2,}\s*(?:original message|ursprungligt meddelande|originalmeddelande|forwarded message|vidarebefordrat meddelande)\s*-{2,}|_{10,})\s*$/i;
const HEADER_FROM = /^\s*\*?(?:från|from)\s*:\*?\s/i;
const HEADER_OTHER = /^\s*\*?(?:skickat|sent|datum|date|till|to|kopia|cc|ämne|subject)\s*:\*?\s?/i;
/** The signature delimiter "-- " (RFC 3676), also without its trailing space (checked trimmed). */
const SIGNATURE = /^--$/;
const MOBILE_FOOTER =
  /^\s*(?:skickat från min|sent from my|get outlook for|hämta outlook för|skickat från outlook|sent from outlook|skickades från min)\b/i;

function nextNonEmpty(lines: readonly string[], from: number): string | undefined {
  for (let j = from; j < lines.length; j++) if (lines[j]!.trim() !== "") return lines[j];
  return undefined;
}

/** Where the quoted part starts (the index of its first line), or lines.length when nothing is quoted. */
function cutIndex(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (SIGNATURE.test(line.trimEnd())) return i;
    if (MOBILE_FOOTER.test(trimmed)) return i;
    if (OUTLOOK_SEPARATOR.test(trimmed)) return i;
    if (HEADER_FROM.test(trimmed)) {
      // An Outlook header block: "Från:" followed by "Skickat:", "Till:", "Ämne:" …
      const following = lines.slice(i + 1, i + 6).filter((l) => l.trim() !== "");
      if (following.some((l) => HEADER_OTHER.test(l.trim()))) return i;
    }
    if (trimmed.startsWith(">")) {
      // A quote block: cut here unless more of the person's own text follows (an inline answer).
      const rest = lines.slice(i);
      if (rest.every((l) => l.trim() === "" || l.trim().startsWith(">"))) return i;
      continue;
    }
    // The quote header, possibly wrapped over up to three (non-empty) lines by the mail client.
    if (HEADER_START.test(trimmed)) {
      let joined = "";
      for (let span = 0; span < 3 && i + span < lines.length; span++) {
        const part = lines[i + span]!.trim();
        if (part === "") break;
        joined = joined ? `${joined} ${part}` : part;
        // A header always carries the date or time of the quoted message.
        if (joined.length > 600 || !HEADER_END.test(joined) || !/\d/.test(joined)) continue;
        // "Den …/On … skrev/wrote:" is a header as it stands; a date-first line only when a quote (or nothing) follows.
        const after = nextNonEmpty(lines, i + span + 1);
        if (HEADER_PREFIXED.test(joined) || after === undefined || after.trim().startsWith(">")) return i;
      }
    }
  }
  return lines.length;
}

/**
 * The reply without quoted text and signatures. Inline quotes (">" lines between the person's own
 * paragraphs) are dropped too; the person's text is kept as written (line breaks included).
 */
export function extractReplyText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ")
    .split("\n");
  const own = lines.slice(0, cutIndex(lines)).filter((l) => !l.trim().startsWith(">"));
  return own
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Mail that a program sent on its own (out-of-office, bounces, lists): never posted into a thread. */
export function isAutomatedMail(headers: { get(name: string): unknown }, envelopeFrom: string | null | false): boolean {
  if (!envelopeFrom) return true; // bounces have an empty MAIL FROM
  const value = (name: string) => {
    const v = headers.get(name);
    return typeof v === "string"
      ? v.toLowerCase()
      : v && typeof v === "object" && "value" in v
        ? String((v as { value: unknown }).value).toLowerCase()
        : "";
  };
  const autoSubmitted = value("auto-submitted");
  if (autoSubmitted && autoSubmitted !== "no") return true;
  if (["bulk", "junk", "list", "auto_reply"].includes(value("precedence"))) return true;
  if (value("x-autoreply") || value("x-autorespond")) return true;
  if (value("list-id")) return true;
  return false;
}
