// Passwordless sign-in (email link or coach-issued code), database sessions and the guards every
// loader and action uses. See docs/decisions/0003-sign-in.md.
import { currentTime } from "./clock.server.ts";
import { createCookie, redirect } from "@remix-run/node";
import { homePathByRole, type Role } from "~/domain/vocab/roles.ts";
import { db, type DbOrTx } from "./db.server.ts";
import { toDate, type SqlDate } from "./raw-values.ts";
import { cachedRead } from "./read-connection.server.ts";
import { cookiesAreSecure, absoluteUrl } from "./env.server.ts";
import { forbidden, invariantResponse } from "./responses.server.ts";
import { safeRedirect } from "./redirect.ts";
import { hashToken, normalizeCode, randomCode, randomToken } from "./tokens.server.ts";

export { safeRedirect };

import {
  CODE_LIFETIME_HOURS,
  LINK_LIFETIME_MINUTES,
  SESSION_LIFETIME_DAYS,
  sessionIdleHours,
} from "~/domain/sign-in-rules.ts";
import { DAY_MS } from "~/domain/swedish-time.ts";
import type { Result } from "~/domain/result.ts";

export { CODE_LIFETIME_HOURS, LINK_LIFETIME_MINUTES, SESSION_LIFETIME_DAYS };
/** How often `lastSeenAt` is written: the idle timeout is exact to within this. */
const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** The session cookie's name (the request guard marks responses to its bearers as private). */
export const SESSION_COOKIE_NAME = "brygga_session";

function sessionCookie() {
  return createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    secure: cookiesAreSecure(),
    path: "/",
    maxAge: (SESSION_LIFETIME_DAYS * DAY_MS) / 1000,
  });
}

export type SessionUser = {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  organizationId: string | null;
  employerId: string | null;
  participantId: string | null;
  sessionId: string;
};

/** Every request reads its session: one kept statement (issue 16), not Prisma's three-level include. */
const SESSION_SQL = `SELECT s.id AS sessionId, s.expiresAt, s.lastSeenAt, s.revokedAt,
    u.id, u.name, u.email, u.role, u.organizationId, u.employerId, u.deactivatedAt, p.id AS participantId
  FROM Session s
  JOIN User u ON u.id = s.userId
  LEFT JOIN Participant p ON p.userId = u.id
  WHERE s.id = ?`;

type SessionRow = Omit<SessionUser, "role"> & {
  role: string;
  expiresAt: SqlDate;
  lastSeenAt: SqlDate;
  revokedAt: SqlDate | null;
  deactivatedAt: SqlDate | null;
};

async function loadSessionUser(sessionToken: string): Promise<SessionUser | null> {
  const [row] = await cachedRead<SessionRow>(db, SESSION_SQL, [hashToken(sessionToken)]);
  if (!row || row.revokedAt !== null || row.deactivatedAt !== null) return null;
  const now = currentTime();
  const expiresAt = toDate(row.expiresAt);
  const lastSeenAt = toDate(row.lastSeenAt);
  if (!expiresAt || !lastSeenAt || expiresAt < now) return null;
  const idleMs = now.getTime() - lastSeenAt.getTime();
  if (idleMs > sessionIdleHours(row.role as Role) * 3_600_000) {
    // Unused too long (idle timeout): the session ends for good, even if used again later.
    await db.session.update({ where: { id: row.sessionId }, data: { revokedAt: now } });
    return null;
  }
  if (idleMs > SESSION_TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: row.sessionId }, data: { lastSeenAt: now } });
  }
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    organizationId: row.organizationId,
    employerId: row.employerId,
    participantId: row.participantId,
    sessionId: row.sessionId,
  };
}

async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const token = await readSessionToken(request);
  return token ? loadSessionUser(token) : null;
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  throw redirect(`/logga-in?${params}`);
}

/** The signed-in user when they have one of the roles; otherwise 403. */
export async function requireRole<R extends Role>(
  request: Request,
  roles: readonly R[],
): Promise<SessionUser & { role: R }> {
  const user = await requireUser(request);
  if (!roles.includes(user.role as R)) forbidden();
  return user as SessionUser & { role: R };
}

/** Coach or admin of a coaching organisation: returns the user with a non-null organizationId. */
export async function requireOrgStaff(request: Request) {
  const user = await requireRole(request, ["coach", "admin"]);
  invariantResponse(user.organizationId, "Ditt konto är inte kopplat till någon organisation.", 403);
  return user as typeof user & { organizationId: string };
}

export async function requireEmployerUser(request: Request) {
  const user = await requireRole(request, ["employer"]);
  invariantResponse(user.employerId, "Ditt konto är inte kopplat till någon arbetsgivare.", 403);
  return user as typeof user & { employerId: string };
}

export async function requireParticipantUser(request: Request) {
  const user = await requireRole(request, ["participant"]);
  invariantResponse(user.participantId, "Ditt konto är inte kopplat till någon deltagare.", 403);
  return user as typeof user & { participantId: string };
}

/** Creates a database session and returns the cookie header that carries it. */
export async function startSession(userId: string, userAgent?: string | null): Promise<string> {
  const token = randomToken();
  const now = currentTime();
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_DAYS * DAY_MS),
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
  return sessionCookie().serialize(token);
}

/** Starts a session for the user and redirects to `to` (default: the role's start page). */
export async function createSessionRedirect(userId: string, request: Request, to?: string | null) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const setCookie = await startSession(userId, request.headers.get("User-Agent"));
  const target = safeRedirect(to, homePathByRole[user.role as Role] ?? "/");
  return redirect(target, { headers: { "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
}

/** Ends this session — or, with `everywhere`, every session of its user (all devices). */
export async function signOut(request: Request, { everywhere = false }: { everywhere?: boolean } = {}) {
  const token = await readSessionToken(request);
  if (token) {
    const session = await db.session.findUnique({ where: { id: hashToken(token) }, select: { userId: true } });
    const where = everywhere && session ? { userId: session.userId } : { id: hashToken(token) };
    await db.session.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: currentTime() } });
  }
  return redirect("/", { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } });
}

// ───────────── sign-in links ─────────────

/**
 * A single-use sign-in link secret for the user. An invitation passes a longer lifetime, and its
 * transaction (`tx`) so the invited user, the link and the invitation mail commit together.
 */
export async function createSignInLinkToken(
  userId: string,
  options: { lifetimeMinutes?: number; tx?: DbOrTx } = {},
): Promise<string> {
  const token = randomToken();
  const now = currentTime();
  await (options.tx ?? db).loginToken.create({
    data: {
      tokenHash: hashToken(token),
      kind: "link",
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (options.lifetimeMinutes ?? LINK_LIFETIME_MINUTES) * 60_000),
    },
  });
  return token;
}

export function signInLinkUrl(token: string, redirectTo?: string | null): string {
  return absoluteUrl("/logga-in/lank", { token, redirectTo: redirectTo ? safeRedirect(redirectTo, "/") : null });
}

export type TokenCheck = Result<{ userId: string }, { reason: "unknown" | "used" | "expired" }>;

/** Looks at a link or code without using it (for the confirmation page). */
export async function checkLoginToken(secret: string, kind: "link" | "code"): Promise<TokenCheck> {
  const token = await db.loginToken.findUnique({
    where: { tokenHash: hashToken(kind === "code" ? normalizeCode(secret) : secret) },
  });
  if (!token || token.kind !== kind) return { ok: false, reason: "unknown" };
  if (token.usedAt) return { ok: false, reason: "used" };
  if (token.expiresAt < currentTime()) return { ok: false, reason: "expired" };
  return { ok: true, userId: token.userId };
}

/** Uses a link or code exactly once: of two simultaneous attempts only one succeeds. */
export async function consumeLoginToken(secret: string, kind: "link" | "code"): Promise<TokenCheck> {
  const check = await checkLoginToken(secret, kind);
  if (!check.ok) return check;
  const tokenHash = hashToken(kind === "code" ? normalizeCode(secret) : secret);
  const now = currentTime();
  const { count } = await db.loginToken.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1 ? check : { ok: false, reason: "used" };
}

/** A coach issues a one-time code for a participant without email; older unused codes stop working. */
export async function issueParticipantCode(
  participantUserId: string,
  coachId: string,
): Promise<{ code: string; expiresAt: Date }> {
  const code = randomCode();
  const now = currentTime();
  const expiresAt = new Date(now.getTime() + CODE_LIFETIME_HOURS * 3_600_000);
  await db.$transaction([
    db.loginToken.updateMany({
      where: { userId: participantUserId, kind: "code", usedAt: null },
      data: { expiresAt: now },
    }),
    db.loginToken.create({
      data: {
        tokenHash: hashToken(code),
        kind: "code",
        userId: participantUserId,
        createdAt: now,
        expiresAt,
        createdById: coachId,
      },
    }),
  ]);
  return { code, expiresAt };
}
