// Threads between an employer and the coaching organisation: "fråga coachen" questions now, and
// the support thread of each placement later (docs/product-rules.md#employer-support-thread). Pure: message rules, who is waiting
// for whom, and response times.
import { z } from "zod";
import { parseFields, requiredText } from "./form-rules.ts";
import type { FormResult } from "./forms.ts";
import { vocabulary } from "./vocab/vocabulary.ts";
import { countSv, NOUNS } from "./swedish.ts";

export const threadKinds = vocabulary({ question: "Fråga till coachen", placement: "Stöd kring placering" });
export type ThreadKind = (typeof threadKinds.codes)[number];

export const threadStatuses = vocabulary({ open: "Öppen", closed: "Avslutad" });

export const MESSAGE_MAX = 5000;
export const SUBJECT_MAX = 120;

export const messageBodyField = z
  .string({ error: "Skriv ett meddelande." })
  .transform((v) => v.replace(/\r\n/g, "\n").trim())
  .pipe(
    z.string().min(1, "Skriv ett meddelande.").max(MESSAGE_MAX, `Meddelandet får vara högst ${MESSAGE_MAX} tecken.`),
  );

/**
 * The key of one rendering of a message form (a hidden field, a fresh random value per page load):
 * the same key posted twice is one message. Optional, so a post without it still works (no dedupe).
 */
export const formKeyField = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string({ error: "Formuläret är för gammalt. Ladda om sidan och försök igen." })
    .regex(/^[A-Za-z0-9_-]{16,64}$/, "Formuläret är för gammalt. Ladda om sidan och försök igen.")
    .optional(),
);

export const messageShape = { body: messageBodyField, formKey: formKeyField };
export const questionShape = {
  subject: requiredText("vad frågan gäller", SUBJECT_MAX, 3),
  body: messageBodyField,
  formKey: formKeyField,
};

export function parseMessage(
  values: Record<string, string | string[]>,
): FormResult<{ body: string; formKey: string | undefined }> {
  return parseFields(messageShape, values);
}

export function parseQuestion(
  values: Record<string, string | string[]>,
): FormResult<{ subject: string; body: string; formKey: string | undefined }> {
  return parseFields(questionShape, values);
}

/** Which side wrote a message: the employer's people, or the coaching organisation's staff. */
export type Side = "employer" | "staff";

export function sideOfRole(role: string | null | undefined): Side | null {
  if (role === "employer") return "employer";
  if (role === "coach" || role === "admin") return "staff";
  return null;
}

export type TimedMessage = { id: string; createdAt: Date; side: Side | null };

export type ResponseInfo = {
  /** The employer's oldest message that no staff message has answered yet (null: nothing pending). */
  waitingSince: Date | null;
  /** For each staff message that answered pending employer messages: how long the employer waited (ms). */
  responseMs: Record<string, number>;
  /** The first staff answer to the thread's first employer message. */
  firstAnswer: { at: Date; afterMs: number } | null;
  /** The latest staff answer. */
  lastAnswer: { at: Date; afterMs: number } | null;
};

/**
 * Walk the messages in time order: employer messages start a wait (if none is running); the next
 * staff message ends it and records how long it took.
 */
export function responseInfo(messages: readonly TimedMessage[]): ResponseInfo {
  const sorted = [...messages].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  let waitingSince: Date | null = null;
  const responseMs: Record<string, number> = {};
  let firstAnswer: ResponseInfo["firstAnswer"] = null;
  let lastAnswer: ResponseInfo["lastAnswer"] = null;
  for (const m of sorted) {
    if (m.side === "employer") {
      waitingSince ??= m.createdAt;
    } else if (m.side === "staff" && waitingSince) {
      const afterMs = m.createdAt.getTime() - waitingSince.getTime();
      responseMs[m.id] = afterMs;
      lastAnswer = { at: m.createdAt, afterMs };
      firstAnswer ??= lastAnswer;
      waitingSince = null;
    }
  }
  return { waitingSince, responseMs, firstAnswer, lastAnswer };
}

/** Median of the response times (ms), or null without any. For "usually answers within …". */
export function medianMs(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** A duration in plain Swedish: "under en minut", "25 minuter", "2 timmar och 5 minuter", "3 dagar och 4 timmar". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "under en minut";
  if (minutes < 60) return countSv(minutes, NOUNS.minute);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${countSv(hours, NOUNS.hour)} och ${countSv(rest, NOUNS.minute)}` : countSv(hours, NOUNS.hour);
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${countSv(days, NOUNS.day)} och ${countSv(restHours, NOUNS.hour)}` : countSv(days, NOUNS.day);
}

/** The first line of a message, shortened, for lists and email previews. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
