import { appendEvents, createDb } from "@chronicle/db";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pauseEvent } from "@chronicle/api/projections/testing/log-fixtures.ts";
import { runChronicle } from "./testing/run-cli.ts";

const chronicle = (dataDir: string, ...args: string[]) => runChronicle(dataDir, args);

describe("chronicle erase", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "chronicle-erase-cli-"));
  const learner = randomUUID();
  const other = randomUUID();
  beforeAll(async () => {
    const db = await createDb({ kind: "pglite", dataDir });
    await appendEvents(db.orm, [pauseEvent({ user_id: learner }), pauseEvent({ user_id: learner }), pauseEvent({ user_id: other })]);
    await db.close();
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("erases the learner's events, says what it removed, and leaves the audit row", async () => {
    const result = await chronicle(dataDir, "erase", "--learner", learner, "--reason", "GDPR request 7", "--actor", "dpo");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`erased learner ${learner}`);
    expect(result.stdout).toContain("2 events");

    const db = await createDb({ kind: "pglite", dataDir });
    try {
      const counts = await db.rows<{ user_id: string; n: number }>(sql`select user_id::text as user_id, count(*)::int as n from events group by user_id`);
      expect(counts).toEqual([{ user_id: other, n: 1 }]);
      const audit = await db.rows<{ actor: string; reason: string }>(sql`select actor, reason from purge_audit`);
      expect(audit).toEqual([{ actor: "dpo", reason: "GDPR request 7" }]);
    } finally {
      await db.close();
    }
  }, 60_000);

  it("refuses a learner that is not a UUID, or no reason, in one sentence and with a failing exit code", async () => {
    const notUuid = await chronicle(dataDir, "erase", "--learner", "alice", "--reason", "GDPR");
    expect(notUuid.code).toBe(1);
    expect(notUuid.stderr.trim()).toBe("chronicle: --learner must be the learner's UUID (the sub of their token).");
    const noReason = await chronicle(dataDir, "erase", "--learner", other);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toMatch(/--reason is required/);
  }, 60_000);
});
