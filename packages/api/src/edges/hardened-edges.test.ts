import type { DatabaseDriver } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseLearner } from "../privacy/erase-learner.ts";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";

const studySession = () => randomUUID();
// Built from JSON text, as the HTTP layer would parse it: a literal `__proto__` key stays an own key.
const withProtoKey = (sessionId: string) =>
  JSON.parse(
    `{"id":"${randomUUID()}","event_type":"session_pause","session_id":"${sessionId}","payload":{"pause_reason":"break","__proto__":{"isAdmin":true}}}`,
  ) as Record<string, unknown>;

describe.each(databaseTargets())("hardened edges (issue 11) on %s", (driver: DatabaseDriver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  const storedIds = async (ids: string[]) =>
    (await server.db.rows<{ id: string }>(sql`select id::text as id from events where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`)).map((r) => r.id);

  it("rejects each unstorable string on its own event and stores the valid neighbours", async () => {
    const learner = makeLearner();
    const session = studySession();
    const good = clientEvent("session_pause", session);
    const bad = [
      clientEvent("search_performed", session, { payload: { query: "a\u0000b", result_count: 1, search_type: "keyword" } }),
      clientEvent("search_performed", session, { payload: { query: "lone \uD800 half", result_count: 1, search_type: "keyword" } }),
      withProtoKey(session),
      clientEvent("session_resume", session, { client_ts: "0000-01-01T00:00:00Z" }),
    ];
    const answer = await server.learner(learner).telemetry.ingest({ source: "web", events: [bad[0]!, good, ...bad.slice(1)] as never });
    expect(answer.results.map((r) => r.code ?? r.status)).toEqual(["invalid_string", "accepted", "invalid_string", "invalid_string", "invalid_envelope"]);
    expect(await storedIds([good.id])).toEqual([good.id]);
    const [quarantined] = await server.db.rows<{ n: number; nul: number }>(
      sql`select count(*)::int as n, count(*) filter (where raw_json::text like '%\\u0000%')::int as nul from quarantined_events where user_id = ${learner}::uuid`,
    );
    expect(quarantined).toEqual({ n: 4, nul: 0 });
  });

  it("rejects a game event holding NUL and stores its neighbour", async () => {
    const student = makeLearner();
    const session = randomUUID();
    const event = (extra: Record<string, unknown>) => ({
      event_id: randomUUID(),
      student_id: student,
      event_type: "retry",
      timestamp: new Date().toISOString(),
      session_id: session,
      data: { task_id: "task-1" },
      ...extra,
    });
    const good = event({});
    const answer = await server.service(randomUUID()).telemetry.ingestGameBatch({
      batch_id: "batch-edges-1",
      client_version: "1.0.0",
      events: [event({ data: { task_id: "task\u0000" } }), good] as never,
    });
    expect(answer.results.map((r) => r.code ?? r.status)).toEqual(["invalid_string", "accepted"]);
    await expect(
      server.service(randomUUID()).telemetry.ingestGameBatch({ batch_id: "batch\u0000", client_version: "1.0.0", events: [good] as never }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("fails a sync item holding NUL on its own and syncs the others", async () => {
    const learner = makeLearner();
    const event = clientEvent("interview_started", randomUUID());
    const answer = await server.learner(learner).sync.batch({
      batchId: "sync-edges-1",
      items: [
        { itemType: "progress", itemData: { entityType: "material", entityId: "m\u0000", progress: 0.5, updatedAt: new Date().toISOString() } },
        { itemType: "event", itemData: event as never },
        { itemType: "progress", itemData: { entityType: "material", entityId: "m-2", progress: 0.5, updatedAt: new Date().toISOString() } },
      ],
    });
    expect(answer.data.results.map((r) => r.code ?? r.status)).toEqual(["invalid_string", "synced", "synced"]);
    expect(await storedIds([event.id])).toEqual([event.id]);
  });

  it("answers 400, not 500, for sessions.answer at position 2147483648", async () => {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner, 2);
    await expect(server.learner(learner).sessions.answer({ sessionId, position: 2_147_483_648, action: "mark", marked: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("audits an admin call whose input holds NUL and a lone surrogate, answering 400", async () => {
    const admin = randomUUID();
    await expect(
      server.callerFor({ userId: admin, role: "admin", scopes: [] }).admin.events({ filters: { types: ["QUESTION_VIEWED\u0000", "\uDC00"] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const audit = await server.db.rows<{ outcome: string }>(sql`select outcome from admin_audit_log where admin_user_id = ${admin}::uuid`);
    expect(audit).toEqual([{ outcome: "error" }]);
  });

  it("keeps an erased learner erased: ingest and sync refuse their events with learner_erased", async () => {
    const learner = makeLearner();
    const session = studySession();
    const first = await server.learner(learner).telemetry.ingest({ source: "web", events: [clientEvent("session_pause", session)] as never });
    expect(first.accepted).toBe(1);
    await eraseLearner(server.db, learner, { actor: "dpo@example.org", reason: "erasure request" });

    const again = await server.learner(learner).telemetry.ingest({ source: "web", events: [clientEvent("session_resume", session)] as never });
    expect(again.results[0]).toMatchObject({ status: "rejected", code: "learner_erased" });
    const synced = await server.learner(learner).sync.batch({ batchId: "after-erasure", items: [{ itemType: "event", itemData: clientEvent("interview_started", randomUUID()) as never }] });
    expect(synced.data.results[0]).toMatchObject({ status: "failed", code: "learner_erased" });
    const [left] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from events where user_id = ${learner}::uuid`);
    expect(left!.n).toBe(0);
  });

  it("stores nothing of a sync batch whose transaction fails: events, progress and batch log together", async () => {
    await server.db.orm.execute(sql`
      create or replace function chronicle_test_fail_sync_log() returns trigger language plpgsql as $$
      begin
        if new.client_batch_id = 'explode' then raise exception 'simulated failure while logging the batch'; end if;
        return new;
      end $$`);
    await server.db.orm.execute(sql`
      create trigger chronicle_test_fail_sync_log before update on ingest_batches
      for each row execute function chronicle_test_fail_sync_log()`);
    try {
      const learner = makeLearner();
      const event = clientEvent("interview_started", randomUUID());
      await expect(
        server.learner(learner).sync.batch({
          batchId: "explode",
          items: [
            { itemType: "event", itemData: event as never },
            { itemType: "progress", itemData: { entityType: "topic", entityId: "t-1", percent: 40, updatedAt: new Date().toISOString() } },
          ],
        }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/SERVICE_UNAVAILABLE|INTERNAL_SERVER_ERROR/) });
      const [left] = await server.db.rows<{ events: number; progress: number; batches: number }>(
        sql`select (select count(*)::int from events where id = ${event.id}::uuid) as events,
                   (select count(*)::int from sync_progress where user_id = ${learner}::uuid) as progress,
                   (select count(*)::int from ingest_batches where client_batch_id = 'explode') as batches`,
      );
      expect(left).toEqual({ events: 0, progress: 0, batches: 0 });
    } finally {
      await server.db.orm.execute(sql`drop trigger chronicle_test_fail_sync_log on ingest_batches`);
    }
  });
});
