import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { movableClock, sendGameEvents } from "../game/testing/game-session-script.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";

describe.each(databaseTargets())("the behavioral-features projection on %s", (driver) => {
  let server: TestServer;
  const clock = movableClock("2025-11-13T12:00:00Z");
  const admin = () => server.callerFor({ userId: randomUUID(), role: "admin", scopes: [] });
  beforeAll(async () => {
    server = await createTestServer(driver, {}, () => clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("reads only the events before the close in the log, not those with an earlier time logged after it", async () => {
    const student = makeLearner();
    const session = randomUUID();
    await sendGameEvents(server, clock, "2025-11-13T12:00:00Z", student, session, [{ type: "failure" }, { type: "recovery" }]);
    await sendGameEvents(server, clock, "2025-11-13T12:04:00Z", student, session, [{ type: "distraction" }, { type: "help_given" }]);
    clock.set("2025-11-13T12:06:00Z");
    const closed = await server.service(randomUUID()).game.closeSession({ sessionId: session });
    // Logged after the close although its ingest time is earlier (a slow request committing late).
    await sendGameEvents(server, clock, "2025-11-13T12:02:00Z", student, session, [{ type: "failure" }, { type: "distraction" }]);
    await server.settle();
    const stored = await admin().game.features({ sessionId: session });
    // 4 events before the close: recovery 1/1, resistance 1 − 1/4, focus 12:00 → 12:04.
    expect(stored.features).toEqual({
      task_completion_rate: 0,
      time_efficiency: 0,
      retry_count: 0,
      recovery_rate: 1,
      distraction_resistance: 0.75,
      focus_duration: 4,
      collaboration_indicators: 1,
      leadership_indicators: 0,
    });
    expect(stored.features).toEqual(closed.features);
    expect(stored.inputs).toMatchObject({ events_total: 4, first_event_at: "2025-11-13T12:00:00.000Z", last_event_at: "2025-11-13T12:04:00.000Z" });
  });
});
