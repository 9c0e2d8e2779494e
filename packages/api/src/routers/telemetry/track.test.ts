import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";

describe.each(databaseTargets())("telemetry.track on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("stores one event and answers in seed 001's shape", async () => {
    const event = clientEvent("interview_started", randomUUID());
    const response = await server.learner(makeLearner()).telemetry.track({ event: event as never });
    expect(response).toMatchObject({ success: true, data: { eventId: event.id, status: "accepted" } });
    expect(Date.parse(response.data.serverTimestamp)).not.toBeNaN();
  });

  it("reports a rejected event with success false and its reason", async () => {
    const event = { ...clientEvent("interview_started", randomUUID()), payload: { interviewType: "mock" } };
    const response = await server.learner(makeLearner()).telemetry.track({ event: event as never });
    expect(response).toMatchObject({ success: false, result: { code: "invalid_payload" } });
  });
});
