// "Skicka inloggningslänk": the same answer for known and unknown emails (no user enumeration).
import { enqueueEmail, kickOutbox } from "../../emails/outbox.server.ts";
import { createSignInLinkToken, LINK_LIFETIME_MINUTES, signInLinkUrl } from "./auth.server.ts";
import { db } from "./db.server.ts";
import { hitLinkRequestLimit, type RateLimitResult } from "./rate-limit.server.ts";

export async function requestSignInLink(input: {
  email: string;
  ip: string;
  redirectTo?: string | null;
}): Promise<RateLimitResult> {
  const email = input.email.trim().toLowerCase();
  const limit = await hitLinkRequestLimit(email, input.ip);
  if (limit.limited) return limit;
  // Many requests for this address from elsewhere: the same answer, no more mail (the latest works).
  if (!limit.send) return { limited: false };

  const user = await db.user.findUnique({ where: { email } });
  if (user && !user.deactivatedAt) {
    const token = await createSignInLinkToken(user.id);
    await enqueueEmail(db, {
      template: "signInLink",
      to: email,
      data: { name: user.name, url: signInLinkUrl(token, input.redirectTo), expiresMinutes: LINK_LIFETIME_MINUTES },
    });
    kickOutbox();
  }
  return { limited: false };
}
