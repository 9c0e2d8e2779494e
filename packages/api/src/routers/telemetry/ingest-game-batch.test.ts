import { MAX_SERVICE_BATCH_EVENTS, type GameBatchInput } from "@chronicle/contracts";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";

function gameEvent(studentId: string, sessionId: string, overrides: Record<string, unknown> = {}) {
  return {
    event_id: randomUUID(),
    student_id: studentId,
    event_type: "choice_made",
    timestamp: "2025-11-13T12:00:30Z",
    data: { choice: "help_friend" },
    session_id: sessionId,
    mission_id: "mission-alpha",
    ...overrides,
  };
}

const batchOf = (events: object[]) => ({ batch_id: `batch-${randomUUID()}`, client_version: "1.0.0", events }) as GameBatchInput;

describe.each(databaseTargets())("telemetry.ingestGameBatch on %s", (driver) => {
  let server: TestServer;
  const gameServer = randomUUID();
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("maps seed 003 events onto the envelope and log, attributed to each student", async () => {
    const student = makeLearner();
    const session = randomUUID();
    const start = gameEvent(student, session, { event_type: "mission_start", data: { difficulty: "medium" } });
    const response = await server.service(gameServer).telemetry.ingestGameBatch(batchOf([start, gameEvent(student, session)]));
    expect(response).toMatchObject({ accepted: 2, rejected: 0 });
    const rows = await server.db.rows(
      sql`select user_id::text as user_id, event_type, family, source, payload_json as payload, client_ts::text as client_ts
            from events where session_id = ${session}::uuid order by ingest_seq`,
    );
    expect(rows[0]).toEqual({
      user_id: student,
      event_type: "mission_start",
      family: "game",
      source: "api",
      payload: { difficulty: "medium", mission_id: "mission-alpha", game_version: "1.0.0" },
      client_ts: expect.stringMatching(/^2025-11-13 12:00:30/),
    });
  });

  it(`accepts ${MAX_SERVICE_BATCH_EVENTS} events and refuses ${MAX_SERVICE_BATCH_EVENTS + 1} whole`, async () => {
    const student = makeLearner();
    const session = randomUUID();
    const events = (n: number) => Array.from({ length: n }, () => gameEvent(student, session));
    const full = await server.service(gameServer).telemetry.ingestGameBatch(batchOf(events(MAX_SERVICE_BATCH_EVENTS)));
    expect(full.accepted).toBe(MAX_SERVICE_BATCH_EVENTS);
    await expect(server.service(gameServer).telemetry.ingestGameBatch(batchOf(events(MAX_SERVICE_BATCH_EVENTS + 1)))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/at most 1000 events per batch and this batch has 1001/),
    });
    const [row] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from events where session_id = ${session}::uuid`);
    expect(row!.n).toBe(MAX_SERVICE_BATCH_EVENTS);
  });

  it("writes a batch-log row carrying the game server's own batch id", async () => {
    const input = batchOf([gameEvent(makeLearner(), randomUUID()), gameEvent(makeLearner(), randomUUID(), { data: { choice: 7 } })]);
    const response = await server.service(gameServer).telemetry.ingestGameBatch(input);
    const [log] = await server.db.rows(
      sql`select client_batch_id, client_version, item_count, success_count, failure_count, user_id::text as user_id
            from ingest_batches where batch_id = ${response.log_id}::uuid`,
    );
    expect(log).toEqual({ client_batch_id: input.batch_id, client_version: "1.0.0", item_count: 2, success_count: 1, failure_count: 1, user_id: gameServer });
  });

  it("refuses non-game events in a game batch as outside the token's scope", async () => {
    const response = await server
      .service(gameServer)
      .telemetry.ingestGameBatch(batchOf([gameEvent(makeLearner(), randomUUID(), { event_type: "session_pause", data: {} })]));
    expect(response.results[0]).toMatchObject({ status: "rejected", code: "scope_denied" });
  });

  it("refuses a service token without the events:game scope, and learner tokens", async () => {
    const input = batchOf([gameEvent(makeLearner(), randomUUID())]);
    await expect(server.service(gameServer, []).telemetry.ingestGameBatch(input)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/events:game/) });
    await expect(server.learner(makeLearner()).telemetry.ingestGameBatch(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("rejects seed-003 events whose ids are not UUIDs, so that retries can be deduplicated", async () => {
    const response = await server.service(gameServer).telemetry.ingestGameBatch(batchOf([gameEvent(makeLearner(), randomUUID(), { event_id: "evt-1" })]));
    expect(response.results[0]).toMatchObject({ status: "rejected", code: "invalid_envelope" });
    expect(response.results[0]!.issues?.[0]?.message).toMatch(/event_id must be a UUID/);
  });
});
