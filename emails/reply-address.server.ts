// Signed per-thread reply addresses (docs/product-rules.md#email, docs/decisions/0011-email-replies.md).
//
//   reply+<threadId>.<userId>.<signature>@<INBOUND_DOMAIN>
//
// A notification to a user about a thread carries this address as its Reply-To. The signature is an
// HMAC-SHA256 over "<threadId>.<userId>" with REPLY_SECRET (falling back to SESSION_SECRET, and a
// fixed development value when neither is set), cut to 20 base32 characters (100 bits). Base32 in
// lower case, because mail systems may change the case of the local part. Without INBOUND_DOMAIN no
// reply address is made, and notifications ask the reader to answer in Brygga instead.
import crypto from "node:crypto";
import { getEnv } from "../app/utils/env.server.ts";

export const REPLY_PREFIX = "reply";
const DEV_SECRET = "brygga-development-reply-secret";
const SIGNATURE_LENGTH = 20;
const ID = "[a-z0-9_-]{1,64}";
const LOCAL_PART = new RegExp(`^${REPLY_PREFIX}\\+(${ID})\\.(${ID})\\.([a-z2-7]{${SIGNATURE_LENGTH}})$`);

function secret(): string {
  const env = getEnv();
  return env.REPLY_SECRET ?? env.SESSION_SECRET ?? DEV_SECRET;
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function sign(threadId: string, userId: string): string {
  const mac = crypto.createHmac("sha256", secret()).update(`${threadId}.${userId}`).digest();
  return base32(mac).slice(0, SIGNATURE_LENGTH);
}

/** The configured inbound domain, or null when email replies are not set up. */
export function inboundDomain(): string | null {
  return getEnv().INBOUND_DOMAIN?.toLowerCase() ?? null;
}

/** The Reply-To address for this user in this thread, or null when replies by email are not set up. */
export function replyAddress(threadId: string, userId: string): string | null {
  const domain = inboundDomain();
  if (!domain) return null;
  if (!new RegExp(`^${ID}$`).test(threadId) || !new RegExp(`^${ID}$`).test(userId)) return null; // never for cuid ids
  return `${REPLY_PREFIX}+${threadId}.${userId}.${sign(threadId, userId)}@${domain}`;
}

export type ReplyTarget = { threadId: string; userId: string };

/**
 * The thread and user an address stands for, when it is a reply address of our domain with a valid
 * signature; otherwise null (unknown or forged). Case-insensitive, constant-time comparison.
 */
export function verifyReplyAddress(address: string): ReplyTarget | null {
  const domain = inboundDomain();
  if (!domain) return null;
  const at = address.lastIndexOf("@");
  if (at < 1) return null;
  const local = address.slice(0, at).trim().toLowerCase();
  const host = address
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, "");
  if (host !== domain) return null;
  // Ids (cuid) are lower case, so a mail system that changes the case of the address changes nothing.
  const match = LOCAL_PART.exec(local);
  if (!match) return null;
  const [, threadId, userId, given] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(sign(threadId, userId));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return null;
  return { threadId, userId };
}
