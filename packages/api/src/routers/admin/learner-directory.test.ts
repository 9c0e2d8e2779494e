import { ingestBatches, loadQuestionBank, sessions, userGamification } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pseudonymOf } from "../../admin/learner-label.ts";
import { demoUsers } from "../../auth/demo-users.ts";
import { eraseLearner, ERASED_USER_ID } from "../../privacy/erase-learner.ts";
import { createTestServer, makeExamSession, type TestServer } from "../../testing/index.ts";
import { makeAdmin } from "./admin-test-kit.ts";

describe.each(databaseTargets())("the learner directory, learner names and question texts on %s", (driver) => {
  let server: TestServer;
  // Ids chosen so that prefixes are predictable.
  const ada = "aaaa0000-0000-4000-8000-000000000001";
  const bob = "aaab0000-0000-4000-8000-000000000002";
  const quiet = "cccc0000-0000-4000-8000-000000000003";
  const names = () => server.service(randomUUID(), ["learners:names"]).learners;

  beforeAll(async () => {
    server = await createTestServer(driver);
    await makeExamSession(server.db, ada);
    await makeExamSession(server.db, ada);
    await makeExamSession(server.db, bob);
    await makeExamSession(server.db, demoUsers.learner);
    await server.db.orm.insert(userGamification).values([
      { userId: ada, totalXp: 40, level: 1 },
      { userId: bob, totalXp: 400, level: 3 },
      { userId: quiet, totalXp: 5, level: 1 },
    ]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("lists every learner with sessions and XP, sorts, pages and searches by id prefix or name", async () => {
    await names().setDisplayName({ userId: ada, displayName: "Ada Lovelace" });
    const admin = makeAdmin(server).caller.admin;

    const byActivity = await admin.learners({ sort: "sessions" });
    expect(byActivity.total).toBe(4);
    expect(byActivity.learners.map((row) => [row.label, row.kind, row.sessions])).toEqual([
      ["Ada Lovelace", "named", 2],
      // Equal session counts fall back to id order (the demo learner's id starts 00000000).
      ["Demo learner", "demo", 1],
      [pseudonymOf(bob), "pseudonym", 1],
      [pseudonymOf(quiet), "pseudonym", 0],
    ]);
    expect(byActivity.learners[3]!.lastActivityAt).toBeNull();

    const byXp = await admin.learners({ sort: "xp", pageSize: 2, page: 1 });
    expect(byXp.learners.map((row) => row.userId)).toEqual([bob, ada]);
    expect((await admin.learners({ sort: "xp", pageSize: 2, page: 2 })).learners.map((row) => row.userId)).toEqual([quiet, demoUsers.learner]);
    expect(await admin.learners({ sort: "xp", pageSize: 2, page: 3 })).toMatchObject({ learners: [], total: 4 });

    expect((await admin.learners({ search: "aaa" })).learners.map((row) => row.userId).sort()).toEqual([ada, bob]);
    expect((await admin.learners({ search: "AAAB" })).learners.map((row) => row.userId)).toEqual([bob]);
    expect((await admin.learners({ search: "lovelace" })).learners.map((row) => row.userId)).toEqual([ada]);
    expect((await admin.learners({ search: "100%_" })).total).toBe(0);
  });

  it("labels ids without a bare 00000000: names, pseudonyms, the demo learner and erased learners", async () => {
    const admin = makeAdmin(server).caller.admin;
    const labels = await admin.learnerLabels({ userIds: [bob, demoUsers.learner, ERASED_USER_ID, bob] });
    expect(labels.map((row) => [row.label, row.kind])).toEqual([
      [pseudonymOf(bob), "pseudonym"],
      ["Demo learner", "demo"],
      ["Erased learners", "erased"],
    ]);
    expect(pseudonymOf(bob)).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ aaab$/);
    expect(pseudonymOf(bob)).toBe(pseudonymOf(bob));
  });

  it("only a service with the learners:names scope names learners; null forgets the name; erasure deletes it", async () => {
    const someone = randomUUID();
    await expect(server.service(randomUUID(), ["events:game"]).learners.setDisplayName({ userId: someone, displayName: "X" })).rejects.toThrow(
      /needs the 'learners:names' scope/,
    );
    await expect(server.learner(someone).learners.setDisplayName({ userId: someone, displayName: "Me" })).rejects.toThrow(/service role/);
    await expect(names().setDisplayName({ userId: someone, displayName: "   " })).rejects.toThrow();

    const admin = makeAdmin(server).caller.admin;
    await names().setDisplayName({ userId: someone, displayName: "Grace" });
    await names().setDisplayName({ userId: someone, displayName: "Grace Hopper" });
    expect((await admin.learnerLabels({ userIds: [someone] }))[0]!.label).toBe("Grace Hopper");
    await names().setDisplayName({ userId: someone, displayName: null });
    expect((await admin.learnerLabels({ userIds: [someone] }))[0]!.kind).toBe("pseudonym");

    await names().setDisplayName({ userId: someone, displayName: "Erase Me" });
    const report = await eraseLearner(server.db, someone, { actor: "test", reason: "request" });
    expect(report.rows["learner_display_names"]).toBe(1);
    expect((await admin.learnerLabels({ userIds: [someone] }))[0]!.label).not.toContain("Erase Me");
  });

  it("gives question text and topic for question ids, leaving out unknown ids", async () => {
    await loadQuestionBank(server.db.orm);
    const [row] = await server.db.rows<{ id: string; stem: string }>((await import("drizzle-orm")).sql`select id::text as id, stem from questions limit 1`);
    const texts = await makeAdmin(server).caller.admin.questionTexts({ questionIds: [row!.id, randomUUID()] });
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ questionId: row!.id, stem: row!.stem });
    expect(texts[0]!.topicName.length).toBeGreaterThan(0);
  });

  it("lists seed 001's batch logs: last hour, status error, conflicts, with success rate and mean duration", async () => {
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    const batch = (minutesAgo: number, status: "completed" | "partial" | "failed", counts: { ok: number; conflicts: number; failed: number }, durationMs: number) => ({
      batchId: randomUUID(),
      userId: ada,
      endpoint: "sync.batch" as const,
      itemCount: counts.ok + counts.conflicts + counts.failed,
      successCount: counts.ok,
      duplicateCount: 0,
      failureCount: counts.failed,
      conflictCount: counts.conflicts,
      startTime: at(minutesAgo),
      durationMs,
      status,
    });
    const rows = [
      batch(5, "completed", { ok: 3, conflicts: 0, failed: 0 }, 100),
      batch(10, "partial", { ok: 1, conflicts: 1, failed: 1 }, 300),
      batch(30, "completed", { ok: 2, conflicts: 2, failed: 0 }, 200),
      batch(120, "failed", { ok: 0, conflicts: 0, failed: 2 }, 50),
    ];
    await server.db.orm.insert(ingestBatches).values([...rows, { ...batch(1, "completed", { ok: 9, conflicts: 0, failed: 0 }, 1), endpoint: "telemetry.ingest" as const }]);
    await server.db.orm.insert(sessions).values({ id: randomUUID(), userId: ada, family: "sync" });
    const admin = makeAdmin(server).caller.admin;

    const lastHour = await admin.syncBatches({ window: "1h" });
    expect(lastHour.summary).toEqual({
      batches: 3,
      successRatePercent: 66.67,
      averageDurationMs: 200,
      items: 10,
      conflicts: 3,
      outcomes: { applied: 6, duplicates: 0, conflicts: 3, failed: 1 },
    });
    expect(lastHour.batches.map((row) => row.batchId)).toEqual([rows[0]!.batchId, rows[1]!.batchId, rows[2]!.batchId]);
    expect((await admin.syncBatches({ window: "1h", status: "error" })).batches.map((row) => row.batchId)).toEqual([rows[1]!.batchId]);
    expect((await admin.syncBatches({ window: "24h", status: "error" })).batches.map((row) => row.batchId)).toEqual([rows[1]!.batchId, rows[3]!.batchId]);
    expect((await admin.syncBatches({ window: "1h", withConflicts: true })).batches.map((row) => row.batchId)).toEqual([rows[1]!.batchId, rows[2]!.batchId]);
    await expect(admin.syncBatches({ window: "2h" as "1h" })).rejects.toThrow();
  });
});
