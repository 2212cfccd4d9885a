import { expect, test } from "vitest";
import { db } from "~/utils/db.server.ts";
test("each test file has its own migrated database", async () => {
  await db.organization.create({ data: { name: "A" } });
  expect(await db.organization.count()).toBe(1);
});
