import type { ClientEvent } from "@chronicle/contracts";
import { databaseTargets } from "@chronicle/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../../testing/index.ts";

describe.each(databaseTargets())("exam answer keys at ingest on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("refuses an answer whose question_id and payload.position name different questions of the session", async () => {
    const learner = makeLearner();
    const exam = await makeExamSession(server.db, learner, 3);
    const [q1, q2] = exam.questionIds as [string, string];
    const mismatch = clientEvent("ANSWER_SELECTED", exam.sessionId, { question_id: q2, payload: { position: 1, selected_index: 0 } });
    const agreeing = clientEvent("ANSWER_SELECTED", exam.sessionId, { question_id: q1, payload: { position: 1, selected_index: 0 } });
    const response = await server.learner(learner).telemetry.ingest({ source: "web", events: [mismatch, agreeing] as ClientEvent[] });
    expect(response.results.map((r) => [r.status, r.code ?? null])).toEqual([
      ["rejected", "question_not_in_session"],
      ["accepted", null],
    ]);
    expect(response.results[0]!.message).toBe(`Question '${q2}' is at position 2 of session '${exam.sessionId}', not position 1.`);
  });
});
