// Signed per-thread reply addresses: stable, verifiable, case-insensitive, and nothing verifies
// without the secret (a changed id, signature or domain, or another secret).
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { replyAddress, verifyReplyAddress } from "../../emails/reply-address.server.ts";

const thread = "cmthread0000000000000000a";
const user = "cmuser00000000000000000b1";
let saved: Record<string, string | undefined>;

beforeEach(() => {
  saved = {
    INBOUND_DOMAIN: process.env.INBOUND_DOMAIN,
    REPLY_SECRET: process.env.REPLY_SECRET,
    SESSION_SECRET: process.env.SESSION_SECRET,
  };
  process.env.INBOUND_DOMAIN = "svar.brygga.test";
  process.env.REPLY_SECRET = "a-long-test-secret-for-replies";
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("reply addresses", () => {
  test("reply+<thread>.<user>.<signature>@domain, verified back to the thread and user", () => {
    const address = replyAddress(thread, user)!;
    expect(address).toMatch(
      /^reply\+cmthread0000000000000000a\.cmuser00000000000000000b1\.[a-z2-7]{20}@svar\.brygga\.test$/,
    );
    expect(replyAddress(thread, user)).toBe(address);
    expect(verifyReplyAddress(address)).toEqual({ threadId: thread, userId: user });
    expect(verifyReplyAddress(address.toUpperCase())).toEqual({ threadId: thread, userId: user });
    expect(verifyReplyAddress(`${address}.`)).toEqual({ threadId: thread, userId: user }); // a trailing root dot on the domain
  });

  test("a changed id, signature or domain, or another secret, does not verify", () => {
    const address = replyAddress(thread, user)!;
    const [local, domain] = address.split("@") as [string, string];
    const sig = local.split(".").at(-1)!;
    expect(verifyReplyAddress(`${local.replace(thread, "cmthread0000000000000000b")}@${domain}`)).toBeNull();
    expect(verifyReplyAddress(`${local.replace(user, "cmuser00000000000000000b2")}@${domain}`)).toBeNull();
    expect(verifyReplyAddress(`${local.slice(0, -sig.length)}${sig.slice(1)}a@${domain}`)).toBeNull();
    expect(verifyReplyAddress(`${local}@annan.example.se`)).toBeNull();
    expect(verifyReplyAddress("reply+x.y@svar.brygga.test")).toBeNull();
    expect(verifyReplyAddress("not an address")).toBeNull();
    process.env.REPLY_SECRET = "another-secret-entirely-0000";
    expect(verifyReplyAddress(address)).toBeNull();
  });

  test("falls back to SESSION_SECRET; without INBOUND_DOMAIN there is no reply address at all", () => {
    delete process.env.REPLY_SECRET;
    process.env.SESSION_SECRET = "session-secret-0123456789abcdef";
    const address = replyAddress(thread, user)!;
    expect(verifyReplyAddress(address)).toEqual({ threadId: thread, userId: user });
    delete process.env.INBOUND_DOMAIN;
    expect(replyAddress(thread, user)).toBeNull();
    expect(verifyReplyAddress(address)).toBeNull();
  });
});
