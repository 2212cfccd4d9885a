// Shared building blocks for every email: HTML escaping, the Brygga layout (HTML and plain text)
// and a few Swedish formatting helpers. Templates hand the layout plain strings only; the layout
// escapes every one of them, so no template can put unescaped data into the HTML.
import { z } from "zod";
import { countSv, NOUNS } from "../../app/domain/swedish.ts";

export const PRODUCT_NAME = "Brygga";

export type RenderedEmail = { subject: string; html: string; text: string };

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escape a value for use in HTML text and in double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** One-line header text: no control characters or line breaks (no header injection), trimmed. */
export function headerText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/**
 * A link that may go into an email: absolute http(s) only, so an interpolated value can never
 * become a `javascript:` or `data:` link.
 */
export const linkUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "Länken måste vara en absolut http- eller https-adress");

/** A person's or organisation's display name as it may appear in a message. */
export const displayName = z.string().trim().min(1).max(200);

/** "1 minut", "15 minuter". */
export function minutesSv(minutes: number): string {
  return countSv(minutes, NOUNS.minute);
}

/** "1 dag", "7 dagar". */
export function daysSv(days: number): string {
  return countSv(days, NOUNS.day);
}

export type LayoutInput = {
  subject: string;
  /** Short summary shown by mail clients next to the subject (not shown in the body). */
  preheader: string;
  heading: string;
  /** Paragraphs (plain text) before the button. */
  intro: string[];
  action: { label: string; url: string };
  /** Paragraphs (plain text) after the button: validity, "ignore this if…". */
  outro: string[];
  /** Why the recipient got this email. Shown in the footer of both parts. */
  reason: string;
};

const FOOTER_NOTE = `Det här mejlet skickades automatiskt av ${PRODUCT_NAME}.`;

const COLORS = {
  text: "#1f2933",
  muted: "#52606d",
  brand: "#0b5e57",
  background: "#f4f6f8",
  border: "#d9e2ec",
};

/** Render the shared layout. All strings are plain text; they are escaped here. */
export function renderLayout(input: LayoutInput): RenderedEmail {
  const subject = headerText(input.subject);
  const url = escapeHtml(input.action.url);
  const block = (text: string) =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:${COLORS.text};">${escapeHtml(text)}</p>`;

  const html = `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:${COLORS.background};font-family:Arial,Helvetica,sans-serif;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(input.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${COLORS.background};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid ${COLORS.border};border-radius:8px;">
<tr><td style="padding:24px 32px 0;font-size:20px;font-weight:bold;color:${COLORS.brand};">${escapeHtml(PRODUCT_NAME)}</td></tr>
<tr><td style="padding:16px 32px 8px;">
<h1 style="margin:0 0 16px;font-size:24px;line-height:1.3;color:${COLORS.text};">${escapeHtml(input.heading)}</h1>
${input.intro.map(block).join("\n")}
<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px;">
<tr><td style="border-radius:6px;background:${COLORS.brand};">
<a href="${url}" style="display:inline-block;padding:14px 28px;font-size:18px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(input.action.label)}</a>
</td></tr>
</table>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:${COLORS.muted};">Fungerar inte knappen? Kopiera länken och klistra in den i webbläsaren:<br>
<a href="${url}" style="color:${COLORS.brand};word-break:break-all;">${url}</a></p>
${input.outro.map(block).join("\n")}
</td></tr>
<tr><td style="padding:16px 32px 24px;border-top:1px solid ${COLORS.border};font-size:13px;line-height:1.5;color:${COLORS.muted};">
${escapeHtml(input.reason)}<br>
${escapeHtml(FOOTER_NOTE)}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

  const text = [
    PRODUCT_NAME,
    "",
    input.heading,
    "",
    ...input.intro.flatMap((text) => [text, ""]),
    `${input.action.label}:`,
    input.action.url,
    "",
    ...input.outro.flatMap((text) => [text, ""]),
    "--",
    input.reason,
    FOOTER_NOTE,
    "",
  ].join("\n");

  return { subject, html, text };
}
