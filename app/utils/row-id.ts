// Ids for rows that the server inserts itself (a bulk import's participants, audit events written
// with a plain INSERT) rather than through Prisma's @default(cuid()): random, lower case, no
// dashes, so they sit beside Prisma's cuids in links and reply addresses.
import crypto from "node:crypto";

export function newRowId(): string {
  return crypto.randomUUID().replaceAll("-", "");
}
