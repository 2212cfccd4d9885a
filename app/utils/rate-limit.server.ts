// Sign-in limits, counted in the database so they hold across restarts and processes. They are
// built so that nobody can lock someone else out (issue 13):
//
// - Sign-in links: a requester is limited per address *and* client address (perEmailAndIp) and per
//   client address (perIp), answered 429 with Retry-After. Requests for one address from all client
//   addresses together only cap the mail sent (perEmail): past that the requester gets the normal
//   "check your inbox" answer and no new mail — the latest link, at most a window old, still works,
//   so a stranger flooding the address cannot stop its owner from signing in.
//   Requests for unknown addresses count too: the limits reveal nothing about who has an account.
// - Participant codes (8 characters, no user name): wrong codes are limited per client address, and
//   when wrong codes from all client addresses together reach codeFailuresBeforeLock within an hour,
//   every open code is locked (the coach issues a new one) and the lock is written to the audit
//   trail — so spreading guesses over many addresses gains nothing.
import { currentTime } from "./clock.server.ts";
import { db } from "./db.server.ts";
import { audit } from "./audit.server.ts";
import { hashToken } from "./tokens.server.ts";

export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  /** Link requests for one address from one client address. */
  perEmailAndIp: 3,
  /** Link mails to one address from all client addresses together (more are not sent). */
  perEmail: 10,
  /** Link requests from one client address. */
  perIp: 20,
  /** Wrong codes from one client address: people mistype, so a little more room than for links. */
  codeFailuresPerIp: 10,
  /** Wrong codes from all client addresses within an hour before every open code is locked. */
  codeFailuresBeforeLock: 50,
} as const;

export type RateLimitResult = { limited: false } | { limited: true; retryAfterSeconds: number };
export type LinkRequestDecision = { limited: false; send: boolean } | { limited: true; retryAfterSeconds: number };

const CODE_FAILURE_KEY = hashToken("code-failure");
const CODE_LOCK_ENTITY = "signInCodes";
const windowStart = (now: Date, minutes: number = SIGN_IN_LIMITS.windowMinutes) =>
  new Date(now.getTime() - minutes * 60_000);
const limited = (): RateLimitResult & { limited: true } => ({
  limited: true,
  retryAfterSeconds: SIGN_IN_LIMITS.windowMinutes * 60,
});

/** Records one sign-in link request and decides: refuse (429), answer without mail, or send. */
export async function hitLinkRequestLimit(
  email: string,
  ip: string,
  now = currentTime(),
): Promise<LinkRequestDecision> {
  const emailHash = hashToken(email.trim().toLowerCase());
  const since = windowStart(now);
  const [byPair, byIp, byEmail] = await Promise.all([
    db.signInRequest.count({ where: { emailHash, ip, createdAt: { gt: since } } }),
    db.signInRequest.count({ where: { ip, emailHash: { not: CODE_FAILURE_KEY }, createdAt: { gt: since } } }),
    db.signInRequest.count({ where: { emailHash, createdAt: { gt: since } } }),
  ]);
  if (byPair >= SIGN_IN_LIMITS.perEmailAndIp || byIp >= SIGN_IN_LIMITS.perIp) return limited();
  await db.signInRequest.create({ data: { emailHash, ip, createdAt: now } });
  return { limited: false, send: byEmail < SIGN_IN_LIMITS.perEmail };
}

/** Whether this client address may try another code (wrong codes so far in the window). */
export async function codeAttemptLimit(ip: string, now = currentTime()): Promise<RateLimitResult> {
  const failures = await db.signInRequest.count({
    where: { emailHash: CODE_FAILURE_KEY, ip, createdAt: { gt: windowStart(now) } },
  });
  return failures >= SIGN_IN_LIMITS.codeFailuresPerIp ? limited() : { limited: false };
}

/**
 * Records a wrong code. When wrong codes from all client addresses since the last lock (at most
 * an hour back) reach the threshold, every open code is locked and the lock is audited.
 */
export async function recordCodeFailure(ip: string, now = currentTime()): Promise<{ locked: boolean }> {
  await db.signInRequest.create({ data: { emailHash: CODE_FAILURE_KEY, ip, createdAt: now } });
  const lastLock = await db.auditEvent.findFirst({
    where: { entity: CODE_LOCK_ENTITY, participantId: null },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const hourAgo = windowStart(now, 60);
  const since = lastLock && lastLock.at > hourAgo ? lastLock.at : hourAgo;
  const failures = await db.signInRequest.count({
    where: { emailHash: CODE_FAILURE_KEY, createdAt: { gt: since, lte: now } },
  });
  if (failures < SIGN_IN_LIMITS.codeFailuresBeforeLock) return { locked: false };

  await db.$transaction(async (tx) => {
    const open = await tx.loginToken.findMany({
      where: { kind: "code", usedAt: null, expiresAt: { gt: now } },
      select: { id: true, user: { select: { participant: { select: { id: true } } } } },
    });
    await tx.loginToken.updateMany({ where: { id: { in: open.map((t) => t.id) } }, data: { expiresAt: now } });
    const detail = `Inloggningskoder spärrade efter ${failures} felaktiga försök; coachen ger en ny kod.`;
    await tx.auditEvent.create({
      data: { actorId: null, participantId: null, action: "update", entity: CODE_LOCK_ENTITY, detail, ip, at: now },
    });
    for (const token of open) {
      const participantId = token.user.participant?.id;
      if (participantId)
        await audit(tx, { actorId: null, participantId, action: "update", entity: CODE_LOCK_ENTITY, detail, ip });
    }
  });
  return { locked: true };
}

/** The client address, as the server determined it (Express `req.ip`, honouring TRUST_PROXY). */
export function clientIp(context: { clientIp?: string } | undefined): string {
  return context?.clientIp || "unknown";
}
