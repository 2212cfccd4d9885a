// Sign-in request limits, counted in the database so they hold across restarts and processes.
// Requests for unknown emails count too: the limit reveals nothing about who has an account.
import { db } from "./db.server.ts";
import { hashToken } from "./tokens.server.ts";

export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perEmail: 3,
  perIp: 20,
  /** Code attempts per client address: people mistype, so a little more room than for links. */
  codeAttemptsPerIp: 10,
} as const;

export type RateLimitResult = { limited: false } | { limited: true; retryAfterSeconds: number };

/** Records one attempt under `key` (an email, or a marker such as "code") and `ip`, then checks the limits. */
export async function hitSignInLimit(
  key: string,
  ip: string,
  { perKey = SIGN_IN_LIMITS.perEmail, now = new Date() }: { perKey?: number; now?: Date } = {},
): Promise<RateLimitResult> {
  const keyHash = hashToken(key.trim().toLowerCase());
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const [byKey, byIp] = await Promise.all([
    db.signInRequest.count({ where: { emailHash: keyHash, createdAt: { gt: since } } }),
    db.signInRequest.count({ where: { ip, createdAt: { gt: since } } }),
  ]);
  if (byKey >= perKey || byIp >= SIGN_IN_LIMITS.perIp) {
    return { limited: true, retryAfterSeconds: SIGN_IN_LIMITS.windowMinutes * 60 };
  }
  await db.signInRequest.create({ data: { emailHash: keyHash, ip, createdAt: now } });
  return { limited: false };
}

/** The client address, as the server determined it (Express `req.ip`, honouring TRUST_PROXY). */
export function clientIp(context: { clientIp?: string } | undefined): string {
  return context?.clientIp || "unknown";
}
