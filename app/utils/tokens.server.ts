import crypto from "node:crypto";

/** A URL-safe random secret with 256 bits of entropy. */
export function randomToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Secrets are stored only as SHA-256 hashes: a leaked database does not sign anyone in. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

// No 0/O, 1/I/L: a code read aloud or copied from paper should not be misread.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A one-time sign-in code like "K7QM-3XPA" (8 characters, about 40 bits). */
export function randomCode(): string {
  const bytes = crypto.randomBytes(8);
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** Codes are compared without case, spaces or dashes. */
export function normalizeCode(input: string): string {
  const plain = input.toUpperCase().replace(/[\s-]/g, "");
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}
