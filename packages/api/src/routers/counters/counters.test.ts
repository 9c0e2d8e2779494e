import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";

describe.each(databaseTargets())("counters on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("clamps counts into 1..50 and stores one row per count with only viewer, event and time", async () => {
    const viewer = makeLearner();
    const counters = server.learner(viewer).counters;
    await counters.ingest({ event: "suggestion_shown", count: 0 });
    await counters.ingest({ event: "suggestion_shown", count: 50 });
    await counters.ingest({ event: "suggestion_accepted", count: 51 });
    await counters.ingest({ event: "suggestion_skipped", count: "3" });
    const summary = await counters.summary({ days: 7 });
    expect(summary.counts).toMatchObject({ suggestion_shown: 51, suggestion_accepted: 50, suggestion_skipped: 3, suggestion_undo: 0 });
    const columns = await server.db.rows<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name = 'counter_events' order by ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(["id", "viewer_id", "event", "created_at"]);
  });

  it("refuses an unknown event with seed 004's invalid_event", async () => {
    await expect(server.learner(makeLearner()).counters.ingest({ event: "clicked_ad", count: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/'clicked_ad' is not one of suggestion_shown/),
      cause: { reason: "invalid_event" },
    });
  });

  it("answers no_viewer without a token", async () => {
    await expect(server.anonymous().counters.summary({ days: 7 })).rejects.toMatchObject({ code: "UNAUTHORIZED", cause: { reason: "no_viewer" } });
  });

  it("clamps the summary window into 1..30 days and counts only the viewer's own events", async () => {
    const viewer = makeLearner();
    await server.learner(makeLearner()).counters.ingest({ event: "suggestion_undo", count: 5 });
    await server.learner(viewer).counters.ingest({ event: "suggestion_undo", count: 2 });
    expect(await server.learner(viewer).counters.summary({ days: 0 })).toMatchObject({ days: 1, counts: { suggestion_undo: 2 } });
    expect((await server.learner(viewer).counters.summary({ days: 90 })).days).toBe(30);
    expect((await server.learner(viewer).counters.summary(undefined)).days).toBe(7);
  });
});

describe("the counters kill switch", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer("pglite", { CHRONICLE_COUNTERS_ENABLED: "0" });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers telemetry_disabled before anything else, even without a token", async () => {
    await expect(server.anonymous().counters.ingest({ event: "suggestion_shown", count: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      cause: { reason: "telemetry_disabled" },
    });
    await expect(server.learner(makeLearner()).counters.summary({ days: 7 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
