import { eventCatalog, eventTypes, MAX_LEARNER_BATCH_EVENTS, type ClientEvent } from "@chronicle/contracts";
import { databaseTargets } from "@chronicle/db/testing";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../../testing/index.ts";

// Test events are built from fixtures and sent as the wire does: untyped JSON.
const asWire = (events: object[]) => events as ClientEvent[];

const clientEventTypes = eventTypes.filter((type) => eventCatalog[type].emitters.includes("client"));

async function storedCount(server: TestServer, sessionId: string): Promise<number> {
  const [row] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from events where session_id = ${sessionId}::uuid`);
  return row!.n;
}

describe.each(databaseTargets())("telemetry.ingest on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("accepts every client event type of every family with a valid payload", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const sessionOf = { exam: exam.sessionId, study: randomUUID(), game: randomUUID(), sync: randomUUID() };
    const events = clientEventTypes.map((type) =>
      clientEvent(type, sessionOf[eventCatalog[type].family], eventCatalog[type].requiresQuestion ? { question_id: exam.questionIds[0] } : {}),
    );
    const caller = server.learner(learner);
    for (let start = 0; start < events.length; start += MAX_LEARNER_BATCH_EVENTS) {
      const response = await caller.telemetry.ingest({ source: "web", events: asWire(events.slice(start, start + MAX_LEARNER_BATCH_EVENTS)) });
      expect(response.rejected_reasons_sample).toEqual([]);
    }
    const rows = await server.db.rows<{ event_type: string }>(sql`select event_type from events where user_id = ${learner}::uuid and source = 'web'`);
    expect(rows.map((r) => r.event_type).sort()).toEqual([...clientEventTypes].sort());
  });

  it("refuses events only Chronicle's server may emit, such as SESSION_SUBMITTED and xp_earned", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const serverOnly = eventTypes.filter((type) => !eventCatalog[type].emitters.includes("client"));
    expect(serverOnly).toEqual(expect.arrayContaining(["SESSION_SUBMITTED", "xp_earned", "level_up"]));
    const forged = [clientEvent("SESSION_SUBMITTED", exam.sessionId, { payload: { reason: "manual" } }), clientEvent("xp_earned", randomUUID())];
    const response = await server.learner(learner).telemetry.ingest({ source: "web", events: asWire(forged) });
    expect(response.results.map((r) => r.code)).toEqual(["emitter_not_allowed", "emitter_not_allowed"]);
    expect(response.results[0]!.message).toBe("SESSION_SUBMITTED is emitted by Chronicle's server; a client cannot send it.");
  });

  it("rejects an invalid payload on its own, keeps the rest of the batch, and quarantines it with its issues", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const bad = clientEvent("ANSWER_SELECTED", exam.sessionId, { question_id: exam.questionIds[0], payload: { position: "first", selected_index: 1 } });
    const good = clientEvent("PAUSE_BLUR", exam.sessionId);
    const response = await server.learner(learner).telemetry.ingest({ source: "web", events: asWire([bad, good]) });
    expect(response).toMatchObject({ accepted: 1, rejected: 1, duplicates: 0 });
    expect(response.results[0]).toMatchObject({ status: "rejected", code: "invalid_payload", id: bad.id });
    expect(response.results[0]!.issues).toEqual([expect.objectContaining({ path: "position" })]);
    expect(response.rejected_reasons_sample).toEqual(["invalid_payload: The payload does not match ANSWER_SELECTED v1."]);
    const [quarantined] = await server.db.rows<{ code: string; raw: { payload: unknown } }>(
      sql`select code, raw_json as raw from quarantined_events where event_id = ${bad.id}::uuid`,
    );
    expect(quarantined).toEqual({ code: "invalid_payload", raw: expect.objectContaining({ payload: { position: "first", selected_index: 1 } }) });
  });

  it("reports the identical batch sent again as duplicates and stores it once", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const events = asWire([clientEvent("PAUSE_BLUR", exam.sessionId, { seq: 1 }), clientEvent("QUESTION_VIEWED", exam.sessionId, { seq: 2, question_id: exam.questionIds[0] })]);
    const first = await server.learner(learner).telemetry.ingest({ source: "web", events });
    const second = await server.learner(learner).telemetry.ingest({ source: "web", events });
    expect(first).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0 });
    expect(second).toMatchObject({ accepted: 0, duplicates: 2, rejected: 0 });
    expect(second.results.map((r) => r.status)).toEqual(["duplicate", "duplicate"]);
    expect(await storedCount(server, exam.sessionId)).toBe(2);
  });

  it("refuses the same id with different content as a conflict and never overwrites", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const original = clientEvent("PAUSE_BLUR", exam.sessionId, { payload: { state: "blur" } });
    await server.learner(learner).telemetry.ingest({ source: "web", events: asWire([original]) });
    const altered = { ...original, payload: { state: "focus" } };
    const response = await server.learner(learner).telemetry.ingest({ source: "web", events: asWire([altered]) });
    expect(response.results[0]).toMatchObject({ status: "rejected", code: "id_conflict" });
    const [stored] = await server.db.rows<{ payload: unknown }>(sql`select payload_json as payload from events where id = ${original.id}::uuid`);
    expect(stored!.payload).toEqual({ state: "blur" });
  });

  it("treats a repeat inside one batch as a duplicate, or as a conflict when its content differs", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const event = clientEvent("PAUSE_BLUR", exam.sessionId);
    const response = await server
      .learner(learner)
      .telemetry.ingest({ source: "web", events: asWire([event, event, { ...event, payload: { state: "focus" } }]) });
    expect(response.results.map((r) => r.status)).toEqual(["accepted", "duplicate", "rejected"]);
    expect(response.results[2]!.code).toBe("id_conflict");
    expect(await storedCount(server, exam.sessionId)).toBe(1);
  });

  it("rejects events for another learner's session", async () => {
    const owner = makeLearner();
    const intruder = makeLearner();
    const exam = await makeExamSession(server.db, owner);
    const response = await server.learner(intruder).telemetry.ingest({ source: "web", events: asWire([clientEvent("PAUSE_BLUR", exam.sessionId)]) });
    expect(response.results[0]).toMatchObject({ status: "rejected", code: "session_not_owned", message: `Session '${exam.sessionId}' is not yours.` });
    expect(await storedCount(server, exam.sessionId)).toBe(0);
  });

  it("rejects a question that is not part of the session", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const other = await makeExamSession(server.db, learner);
    const response = await server
      .learner(learner)
      .telemetry.ingest({ source: "web", events: asWire([clientEvent("QUESTION_VIEWED", exam.sessionId, { question_id: other.questionIds[0] })]) });
    expect(response.results[0]).toMatchObject({ status: "rejected", code: "question_not_in_session" });
  });

  it("rejects exam events for a session that was never created, and events of another family", async () => {
    const learner = makeLearner();
    const studySession = randomUUID();
    await server.learner(learner).telemetry.ingest({ source: "web", events: asWire([clientEvent("session_start", studySession)]) });
    const response = await server
      .learner(learner)
      .telemetry.ingest({ source: "web", events: asWire([clientEvent("PAUSE_BLUR", randomUUID()), clientEvent("PAUSE_BLUR", studySession)]) });
    expect(response.results.map((r) => r.code)).toEqual(["unknown_session", "session_family_mismatch"]);
  });

  it("lets the first learner claim a study session and refuses it to everyone else", async () => {
    const first = makeLearner();
    const second = makeLearner();
    const studySession = randomUUID();
    const claimed = await server.learner(first).telemetry.ingest({ source: "mobile", events: asWire([clientEvent("session_start", studySession)]) });
    const refused = await server.learner(second).telemetry.ingest({ source: "mobile", events: asWire([clientEvent("session_pause", studySession)]) });
    expect(claimed.accepted).toBe(1);
    expect(refused.results[0]!.code).toBe("session_not_owned");
  });

  it(`accepts ${MAX_LEARNER_BATCH_EVENTS} events from a learner and refuses ${MAX_LEARNER_BATCH_EVENTS + 1} whole, writing nothing`, async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const batch = (n: number) => asWire(Array.from({ length: n }, (_, i) => clientEvent("PAUSE_BLUR", exam.sessionId, { seq: i })));
    const atLimit = await server.learner(learner).telemetry.ingest({ source: "web", events: batch(MAX_LEARNER_BATCH_EVENTS) });
    expect(atLimit.accepted).toBe(MAX_LEARNER_BATCH_EVENTS);
    const overLimit = server.learner(learner).telemetry.ingest({ source: "web", events: batch(MAX_LEARNER_BATCH_EVENTS + 1) });
    await expect(overLimit).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/at most 50 events per batch and this batch has 51/) });
    expect(await storedCount(server, exam.sessionId)).toBe(MAX_LEARNER_BATCH_EVENTS);
  });

  it("takes the user id from the token, never from the body", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const event = { ...clientEvent("PAUSE_BLUR", exam.sessionId), user_id: makeLearner() };
    const response = await server.learner(learner).telemetry.ingest({ source: "web", events: asWire([event]) });
    expect(response.results[0]).toMatchObject({ status: "rejected", code: "invalid_envelope" });
    expect(response.results[0]!.issues?.[0]?.message).toMatch(/user_id/);
  });

  it("writes one batch-log row per call with seed 001's counts", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const response = await server
      .learner(learner)
      .telemetry.ingest({ source: "web", events: asWire([clientEvent("PAUSE_BLUR", exam.sessionId), { ...clientEvent("PAUSE_BLUR", exam.sessionId), event_type: "NOPE" }]) });
    const [log] = await server.db.rows(
      sql`select item_count, success_count, failure_count, duplicate_count, conflict_count, status, endpoint from ingest_batches where batch_id = ${response.batch_id}::uuid`,
    );
    expect(log).toEqual({ item_count: 2, success_count: 1, failure_count: 1, duplicate_count: 0, conflict_count: 0, status: "partial", endpoint: "telemetry.ingest" });
  });

  it("refuses callers without the learner role", async () => {
    const call = server.callerFor({ userId: makeLearner(), role: "admin", scopes: [] }).telemetry.ingest({ source: "web", events: asWire([{}]) });
    await expect(call).rejects.toBeInstanceOf(TRPCError);
    await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
