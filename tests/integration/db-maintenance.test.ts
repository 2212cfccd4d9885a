// optimizeDatabase (app/utils/db-maintenance.server.ts): planner statistics through the app's
// client, with unique indexes said to find one row per value even when most values are NULL.
import { describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server.ts";
import { optimizeDatabase } from "../../app/utils/db-maintenance.server.ts";
import { createEmployer, createOrganization } from "../support/factories.ts";

describe("optimizeDatabase", () => {
  it("writes statistics for the tables that have rows; a mostly-NULL unique column still counts as unique", async () => {
    const org = await createOrganization();
    const employer = await createEmployer({ organizationId: org.id });
    // Question threads have no placement: Thread.placementId (unique) is NULL on every row.
    await db.thread.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        kind: "question",
        employerId: employer.id,
        organizationId: org.id,
        subject: `Fråga ${i}`,
      })),
    });
    await optimizeDatabase(db);
    const stats = await db.$queryRawUnsafe<Array<{ tbl: string; idx: string; stat: string }>>(
      "SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl = 'Thread'",
    );
    expect(stats.length).toBeGreaterThan(0);
    const unique = stats.find((s) => s.idx === "Thread_placementId_key");
    expect(unique?.stat).toMatch(/^\d+ 1$/);
    // Running it again changes nothing and does not fail.
    await optimizeDatabase(db);
  });
});
