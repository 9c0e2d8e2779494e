import { MAX_SERVICE_BATCH_EVENTS, type ServiceIngestInput } from "@chronicle/contracts";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../../testing/index.ts";

type Events = ServiceIngestInput["events"];
const forLearner = (userId: string, event: object) => ({ ...event, user_id: userId });
const aiResponse = (sessionId: string) => clientEvent("ai_response_received", sessionId);

describe.each(databaseTargets())("telemetry.ingestForLearners on %s", (driver) => {
  let server: TestServer;
  const backend = randomUUID();
  const studyBackend = () => server.service(backend, ["events:study"]);
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("stores study events a backend sends for two learners under each named learner, ai_response_received included", async () => {
    const [ada, ben] = [makeLearner(), makeLearner()];
    const [adaSession, benSession] = [randomUUID(), randomUUID()];
    const events = [
      forLearner(ada, clientEvent("session_start", adaSession)),
      forLearner(ada, aiResponse(adaSession)),
      forLearner(ben, clientEvent("session_start", benSession)),
    ];
    const response = await studyBackend().telemetry.ingestForLearners({ events: events as Events });
    expect(response).toMatchObject({ accepted: 3, rejected: 0 });
    const rows = await server.db.rows<{ user_id: string; event_type: string; source: string }>(
      sql`select user_id::text as user_id, event_type, source from events where session_id in (${adaSession}::uuid, ${benSession}::uuid) order by ingest_seq`,
    );
    expect(rows).toEqual([
      { user_id: ada, event_type: "session_start", source: "api" },
      { user_id: ada, event_type: "ai_response_received", source: "api" },
      { user_id: ben, event_type: "session_start", source: "api" },
    ]);
  });

  it("keeps the ownership rules per learner: one learner's session cannot take another learner's events", async () => {
    const [ada, ben] = [makeLearner(), makeLearner()];
    const session = randomUUID();
    await studyBackend().telemetry.ingestForLearners({ events: [forLearner(ada, clientEvent("session_start", session))] as Events });
    const response = await studyBackend().telemetry.ingestForLearners({ events: [forLearner(ben, clientEvent("session_pause", session))] as Events });
    expect(response.results[0]).toMatchObject({ status: "rejected", code: "session_not_owned" });
  });

  it("refuses families outside the token's scopes per event, and a token without any event scope whole", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    const studySession = randomUUID();
    const mixed = [
      forLearner(learner, clientEvent("session_start", studySession)),
      forLearner(learner, clientEvent("PAUSE_BLUR", exam.sessionId, { payload: { state: "blur" } })),
    ];
    const response = await studyBackend().telemetry.ingestForLearners({ events: mixed as Events });
    expect(response.results.map((r) => r.code ?? r.status)).toEqual(["accepted", "scope_denied"]);
    expect(response.results[1]!.message).toBe("This token may not write exam events such as PAUSE_BLUR.");

    const examServer = await server.service(backend, ["events:study", "events:exam"]).telemetry.ingestForLearners({ events: mixed as Events });
    expect(examServer.results.map((r) => r.status)).toEqual(["duplicate", "accepted"]);

    await expect(server.service(backend, ["study:catalog"]).telemetry.ingestForLearners({ events: mixed as Events })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/no events:<family> scope/),
    });
    await expect(server.learner(learner).telemetry.ingestForLearners({ events: mixed as Events })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses server-only events and an event that names no learner, each on its own", async () => {
    const learner = makeLearner();
    const session = randomUUID();
    const events = [
      forLearner(learner, clientEvent("xp_earned", session)),
      clientEvent("session_start", session),
      forLearner("not-a-uuid", clientEvent("session_start", session)),
    ];
    const response = await studyBackend().telemetry.ingestForLearners({ events: events as Events });
    expect(response.results.map((r) => r.code)).toEqual(["emitter_not_allowed", "invalid_envelope", "invalid_envelope"]);
  });

  it(`refuses more than ${MAX_SERVICE_BATCH_EVENTS} events whole with PAYLOAD_TOO_LARGE (413)`, async () => {
    const learner = makeLearner();
    const session = randomUUID();
    const events = Array.from({ length: MAX_SERVICE_BATCH_EVENTS + 1 }, () => forLearner(learner, clientEvent("material_read", session)));
    await expect(studyBackend().telemetry.ingestForLearners({ events: events as Events })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const [row] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from events where session_id = ${session}::uuid`);
    expect(row!.n).toBe(0);
  });
});
