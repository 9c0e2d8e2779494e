import { behavioralFeatures } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../../testing/index.ts";
import { ingestAs, makeAdmin } from "./admin-test-kit.ts";

describe.each(databaseTargets())("admin.game, admin.counters and admin.quarantine on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("averages behavioural features per student and per day, and filters by student and session", async () => {
    const [s1, s2] = [randomUUID(), randomUUID()];
    const feature = (studentId: string, closedAt: string, rate: number, retries: number) => ({
      sessionId: randomUUID(),
      studentId,
      taskCompletionRate: rate,
      timeEfficiency: 1,
      retryCount: retries,
      recoveryRate: 0.5,
      distractionResistance: 0.75,
      focusDuration: 120,
      collaborationIndicators: 1,
      leadershipIndicators: 0,
      featuresJson: {},
      createdAt: closedAt,
    });
    // The game-close path is another domain's; the view only reads the stored feature rows.
    const rows = [
      feature(s1, "2031-05-01T10:00:00.000Z", 0.5, 1),
      feature(s1, "2031-05-02T10:00:00.000Z", 1, 3),
      feature(s2, "2031-05-02T12:00:00.000Z", 0.25, 0),
    ];
    await server.db.orm.insert(behavioralFeatures).values(rows);
    const { caller } = makeAdmin(server);
    const window = { from: "2031-05-01T00:00:00.000Z", to: "2031-05-03T00:00:00.000Z" };
    const view = await caller.admin.game(window);
    expect(view.sessions.map((s) => s.sessionId)).toEqual([rows[2]!.sessionId, rows[1]!.sessionId, rows[0]!.sessionId]);
    expect(view.sessions[0]!.features).toMatchObject({ task_completion_rate: 0.25, retry_count: 0, focus_duration: 120 });
    const byStudent = Object.fromEntries(view.students.map((s) => [s.studentId, s]));
    expect(byStudent[s1]).toMatchObject({ sessions: 2, averages: { task_completion_rate: 0.75, retry_count: 2 } });
    expect(byStudent[s2]).toMatchObject({ sessions: 1, averages: { task_completion_rate: 0.25, retry_count: 0 } });
    expect(view.trend).toEqual([
      { day: "2031-05-01", sessions: 1, averages: expect.objectContaining({ task_completion_rate: 0.5, retry_count: 1 }) },
      { day: "2031-05-02", sessions: 2, averages: expect.objectContaining({ task_completion_rate: 0.625, retry_count: 1.5 }) },
    ]);
    expect((await caller.admin.game({ ...window, studentId: s2 })).sessions).toHaveLength(1);
    expect((await caller.admin.game({ ...window, sessionId: rows[0]!.sessionId })).students).toEqual([expect.objectContaining({ studentId: s1, sessions: 1 })]);
  });

  it("sums counters over every viewer with rates per shown suggestion", async () => {
    const [v1, v2] = [server.learner(makeLearner()), server.learner(makeLearner())];
    await v1.counters.ingest({ event: "suggestion_shown", count: 6 });
    await v2.counters.ingest({ event: "suggestion_shown", count: 4 });
    await v1.counters.ingest({ event: "suggestion_accepted", count: 4 });
    await v2.counters.ingest({ event: "suggestion_skipped", count: 3 });
    await v1.counters.ingest({ event: "suggestion_edited", count: 1 });
    await v2.counters.ingest({ event: "suggestion_undo", count: 2 });
    const summary = await makeAdmin(server).caller.admin.counters({ days: 7 });
    expect(summary).toEqual({
      days: 7,
      counts: { suggestion_shown: 10, suggestion_accepted: 4, suggestion_skipped: 3, suggestion_edited: 1, suggestion_undo: 2, embeddings_opt_in: 0, embeddings_opt_out: 0 },
      rates: { accept: 40, skip: 30, edit: 10, undo: 20 },
    });
  });

  it("groups rejected events by code with their first and last time and at most three truncated samples", async () => {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    const bad = Array.from({ length: 4 }, () => clientEvent("PAUSE_BLUR", sessionId, { payload: { state: "sideways" } }));
    const unknown = { ...clientEvent("PAUSE_BLUR", sessionId), event_type: "NOT_AN_EVENT", payload: { note: "y".repeat(3000) } };
    await ingestAs(server, learner, [...bad, unknown]);
    const { groups } = await makeAdmin(server).caller.admin.quarantine({ windowDays: 1, limit: 10 });
    expect(groups.map((g) => [g.code, g.count, g.samples.length])).toEqual([
      ["invalid_payload", 4, 3],
      ["unknown_event_type", 1, 1],
    ]);
    const [invalid, unknownGroup] = groups;
    expect(invalid!.firstSeen <= invalid!.lastSeen).toBe(true);
    expect(invalid!.samples[0]).toMatchObject({ eventType: "PAUSE_BLUR", message: expect.stringContaining("PAUSE_BLUR") });
    expect(bad.map((e) => e.id)).toContain(invalid!.samples[0]!.eventId);
    expect(unknownGroup!.samples[0]!.rawJson).toHaveLength(1000);
  });
});
