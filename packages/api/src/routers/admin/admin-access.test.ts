import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer } from "../../testing/index.ts";
import { makeAdmin } from "./admin-test-kit.ts";
import { adminRouter } from "./index.ts";

type Caller = ReturnType<TestServer["callerFor"]>;

/** Every admin procedure with a valid input, so that only the role decides the outcome. */
const adminCalls: Record<string, (caller: Caller) => Promise<unknown>> = {
  projectionLag: (c) => c.admin.projectionLag(),
  ingestionHealth: (c) => c.admin.ingestionHealth({ windowMinutes: 60 }),
  events: (c) => c.admin.events({ limit: 10 }),
  sessionTimeline: (c) => c.admin.sessionTimeline({ sessionId: randomUUID() }),
  learner: (c) => c.admin.learner({ userId: randomUUID() }),
  topic: (c) => c.admin.topic({ topicId: randomUUID() }),
  topics: (c) => c.admin.topics(),
  game: (c) => c.admin.game({}),
  counters: (c) => c.admin.counters({ days: 30 }),
  quarantine: (c) => c.admin.quarantine({ windowDays: 7, limit: 5 }),
  exports: (c) => c.admin.exports(),
  requestExport: (c) => c.admin.requestExport(),
  exportRequest: (c) => c.admin.exportRequest(),
  live: (c) => c.admin.live({}),
  learners: (c) => c.admin.learners({ search: "ab" }),
  learnerLabels: (c) => c.admin.learnerLabels({ userIds: [randomUUID()] }),
  questionTexts: (c) => c.admin.questionTexts({ questionIds: [randomUUID()] }),
  syncBatches: (c) => c.admin.syncBatches({ window: "1h" }),
};

describe.each(databaseTargets())("admin access and audit on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("covers every procedure of the admin router", () => {
    expect(Object.keys(adminCalls).sort()).toEqual(Object.keys(adminRouter._def.record).sort());
  });

  it.each(Object.keys(adminCalls))("admin.%s refuses a learner token and a service token with FORBIDDEN and audits nothing", async (name) => {
    const call = adminCalls[name]!;
    const learnerId = randomUUID();
    const serviceId = randomUUID();
    await expect(call(server.learner(learnerId))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(call(server.service(serviceId))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(call(server.anonymous())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const rows = await server.db.rows<{ n: number }>(
      sql`select count(*)::int as n from admin_audit_log where admin_user_id in (${learnerId}::uuid, ${serviceId}::uuid)`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it("records who called what, when, with the scrubbed input and the outcome", async () => {
    const { adminId, caller } = makeAdmin(server);
    const userId = randomUUID();
    const before = Date.now();
    await caller.admin.events({ filters: { userId, types: ["PAUSE_BLUR"] }, limit: 5 });
    const missingTopic = randomUUID();
    await expect(caller.admin.topic({ topicId: missingTopic })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const rows = await server.db.rows<{ procedure: string; call_type: string; input_json: unknown; outcome: string; error_code: string | null; at: string }>(
      sql`select procedure, call_type, input_json, outcome, error_code, at::text as at from admin_audit_log where admin_user_id = ${adminId}::uuid order by id`,
    );
    expect(rows).toEqual([
      { procedure: "admin.events", call_type: "query", input_json: { filters: { userId, types: ["PAUSE_BLUR"] }, limit: 5 }, outcome: "ok", error_code: null, at: expect.any(String) },
      { procedure: "admin.topic", call_type: "query", input_json: { topicId: missingTopic }, outcome: "error", error_code: "NOT_FOUND", at: expect.any(String) },
    ]);
    for (const row of rows) expect(Date.parse(row.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("scrubs e-mail addresses from audited input and never stores more than the cap", async () => {
    const { adminId, caller } = makeAdmin(server);
    // Not an event type, so the call is refused (400); it is still audited, scrubbed.
    await expect(caller.admin.events({ filters: { types: ["mail me at someone@example.com", "x".repeat(60)] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [row] = await server.db.rows<{ input: string }>(sql`select input_json::text as input from admin_audit_log where admin_user_id = ${adminId}::uuid`);
    expect(row!.input).toContain("[email]");
    expect(row!.input).not.toContain("someone@example.com");
  });
});
