import type { ClientEvent } from "@chronicle/contracts";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeLearner, type RawClientEvent, type TestServer } from "../testing/index.ts";

const asWire = (events: RawClientEvent[]) => events as unknown as ClientEvent[];

// Concurrent requests gather for 200 ms, so the requests of each test surely share one group.
const groupEnv = { CHRONICLE_INGEST_GROUP_WAIT_MS: "200" };

describe.each(databaseTargets())("group commit on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver, groupEnv);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers each request of a group with its own verdicts, overlapping ids resolved in arrival order", async () => {
    const owner = makeLearner();
    const intruder = makeLearner();
    const session = randomUUID();
    const shared = clientEvent("material_read", session);
    const sharedOther = { ...shared, payload: { ...shared.payload, time_spent_seconds: 999 } };
    const onlyB = clientEvent("material_read", session);
    const [a, b, c, d] = await Promise.all([
      server.learner(owner).telemetry.ingest({ source: "web", events: asWire([clientEvent("session_start", session), shared]) }),
      // The same event again, and a new one.
      server.learner(owner).telemetry.ingest({ source: "web", events: asWire([shared, onlyB]) }),
      // The shared id with other content, and b's new event again.
      server.learner(owner).telemetry.ingest({ source: "web", events: asWire([sharedOther, onlyB]) }),
      // Another learner writing into the session the first request claimed.
      server.learner(intruder).telemetry.ingest({ source: "web", events: asWire([clientEvent("material_read", session)]) }),
    ]);

    expect(a.results.map((r) => r.status)).toEqual(["accepted", "accepted"]);
    expect(b.results.map((r) => r.status)).toEqual(["duplicate", "accepted"]);
    expect(c.results.map((r) => [r.status, r.code])).toEqual([
      ["rejected", "id_conflict"],
      ["duplicate", undefined],
    ]);
    expect(c.rejected_reasons_sample[0]).toMatch(/already stored/);
    expect(d.results.map((r) => [r.status, r.code])).toEqual([["rejected", "session_not_owned"]]);

    // One group is one transaction: every stored event carries the same log position.
    const rows = await server.db.rows<{ id: string; tx_id: string; payload: Record<string, unknown> }>(
      sql`select id::text as id, tx_id::text as tx_id, payload_json as payload from events where session_id = ${session}::uuid order by ingest_seq`,
    );
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.tx_id)).size).toBe(1);
    expect(rows.find((r) => r.id === shared.id)!.payload).toEqual(shared.payload);

    // Each request keeps its own batch-log row with its own counts.
    const logs = await server.db.rows<{ batch_id: string; success_count: number; duplicate_count: number; conflict_count: number; failure_count: number }>(
      sql`select batch_id::text as batch_id, success_count, duplicate_count, conflict_count, failure_count from ingest_batches
           where batch_id in (${a.batch_id}::uuid, ${b.batch_id}::uuid, ${c.batch_id}::uuid, ${d.batch_id}::uuid)`,
    );
    const logOf = (batchId: string) => logs.find((log) => log.batch_id === batchId);
    expect(logOf(a.batch_id)).toMatchObject({ success_count: 2, duplicate_count: 0, failure_count: 0 });
    expect(logOf(b.batch_id)).toMatchObject({ success_count: 1, duplicate_count: 1, failure_count: 0 });
    expect(logOf(c.batch_id)).toMatchObject({ success_count: 0, duplicate_count: 1, conflict_count: 1, failure_count: 1 });
    expect(logOf(d.batch_id)).toMatchObject({ success_count: 0, failure_count: 1 });

    // A later request sees the group's events as stored.
    const again = await server.learner(owner).telemetry.ingest({ source: "web", events: asWire([shared]) });
    expect(again.results[0]!.status).toBe("duplicate");
  });

  it("stores nothing of a group whose write fails in the middle, and answers every request of it with 503", async () => {
    const doomedSession = randomUUID();
    // A real failing statement: one event's row meets a lock timeout (55P03) while the group's
    // insert is under way, the kind of failure a retry can cure.
    await server.db.rows(sql.raw(`
      create function refuse_doomed_event() returns trigger language plpgsql as $$
      begin
        if new.session_id = '${doomedSession}'::uuid then raise exception 'this test times the event out' using errcode = '55P03'; end if;
        return new;
      end $$`));
    await server.db.rows(sql.raw(`create trigger refuse_doomed_event before insert on events for each row execute function refuse_doomed_event()`));
    try {
      const learners = [makeLearner(), makeLearner(), makeLearner()];
      const sessions = [randomUUID(), randomUUID(), doomedSession];
      const calls = learners.map((learner, i) =>
        server.learner(learner).telemetry.ingest({
          source: "web",
          events: asWire([clientEvent("session_start", sessions[i]!), clientEvent("material_read", sessions[i]!)]),
        }),
      );
      const outcomes = await Promise.allSettled(calls);
      for (const outcome of outcomes) {
        expect(outcome.status).toBe("rejected");
        expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/nothing was written/) });
      }
      const [stored] = await server.db.rows<{ events: number; sessions: number; logs: number }>(sql`
        select (select count(*)::int from events where user_id in (${learners[0]}::uuid, ${learners[1]}::uuid, ${learners[2]}::uuid)) as events,
               (select count(*)::int from sessions where user_id in (${learners[0]}::uuid, ${learners[1]}::uuid, ${learners[2]}::uuid)) as sessions,
               (select count(*)::int from ingest_batches where user_id in (${learners[0]}::uuid, ${learners[1]}::uuid, ${learners[2]}::uuid)) as logs`);
      expect(stored).toEqual({ events: 0, sessions: 0, logs: 0 });
    } finally {
      await server.db.rows(sql.raw(`drop trigger refuse_doomed_event on events`));
    }
    // The committer is not stuck: the next request is written.
    const learner = makeLearner();
    const after = await server.learner(learner).telemetry.ingest({ source: "web", events: asWire([clientEvent("session_start", randomUUID())]) });
    expect(after.accepted).toBe(1);
  });
});
