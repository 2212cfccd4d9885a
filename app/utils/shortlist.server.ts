// The coach's shortlist ("kortlista"): pairs of participant and opening the coach wants to think
// about before proposing. It is a working list in the coach's browser (an httpOnly cookie bound to
// the coach's user id), not a proposal: nothing is stored about the participant, nobody else sees
// it, and reports, first-contact dates and exports never count it (docs/decisions/0010).
// Every entry is checked against the coach's scope again when it is shown.
import { currentTime } from "./clock.server.ts";
import { createCookie } from "@remix-run/node";
import { cookiesAreSecure } from "./env.server.ts";
import { DAY_MS } from "~/domain/swedish-time.ts";

export const SHORTLIST_MAX = 40;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export type ShortlistEntry = { participantId: string; openingId: string; addedAt: number };

function shortlistCookie() {
  return createCookie("brygga_kortlista", {
    httpOnly: true,
    sameSite: "lax",
    secure: cookiesAreSecure(),
    path: "/",
    maxAge: (60 * DAY_MS) / 1000,
  });
}

/** The coach's shortlist, newest first (an unreadable or someone else's cookie is an empty list). */
export async function readShortlist(request: Request, userId: string): Promise<ShortlistEntry[]> {
  let value: unknown;
  try {
    value = await shortlistCookie().parse(request.headers.get("Cookie"));
  } catch {
    return [];
  }
  if (!value || typeof value !== "object") return [];
  const { u, e } = value as { u?: unknown; e?: unknown };
  if (u !== userId || !Array.isArray(e)) return [];
  const entries: ShortlistEntry[] = [];
  for (const item of e) {
    if (!Array.isArray(item)) continue;
    const [p, o, at] = item as unknown[];
    if (typeof p === "string" && typeof o === "string" && ID.test(p) && ID.test(o))
      entries.push({ participantId: p, openingId: o, addedAt: typeof at === "number" ? at : 0 });
  }
  return entries.slice(0, SHORTLIST_MAX);
}

async function serialize(userId: string, entries: ShortlistEntry[]): Promise<string> {
  return shortlistCookie().serialize({
    u: userId,
    e: entries.slice(0, SHORTLIST_MAX).map((x) => [x.participantId, x.openingId, x.addedAt]),
  });
}

const same = (a: { participantId: string; openingId: string }, b: { participantId: string; openingId: string }) =>
  a.participantId === b.participantId && a.openingId === b.openingId;

/** Adds a pair (first in the list); returns the Set-Cookie header. */
export async function addToShortlist(
  request: Request,
  userId: string,
  pair: { participantId: string; openingId: string },
): Promise<string> {
  const entries = (await readShortlist(request, userId)).filter((x) => !same(x, pair));
  return serialize(userId, [{ ...pair, addedAt: currentTime().getTime() }, ...entries]);
}

/** Removes a pair; returns the Set-Cookie header. */
export async function removeFromShortlist(
  request: Request,
  userId: string,
  pair: { participantId: string; openingId: string },
): Promise<string> {
  return serialize(
    userId,
    (await readShortlist(request, userId)).filter((x) => !same(x, pair)),
  );
}

export function isShortlisted(entries: ShortlistEntry[], pair: { participantId: string; openingId: string }): boolean {
  return entries.some((x) => same(x, pair));
}
