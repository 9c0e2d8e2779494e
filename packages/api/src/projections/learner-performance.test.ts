import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin } from "../routers/admin/admin-test-kit.ts";
import { ingest, testClock } from "../study/study-test-kit.ts";
import { clientEvent, createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { learnerPerformanceProjection } from "./learner-performance.ts";
import { rebuildAggregates } from "./rebuild-aggregates.ts";

const interview = (sessionId: string, score: number, weakAreas: string[]) =>
  clientEvent("interview_completed", sessionId, {
    payload: { interviewId: `int-${score}`, score, duration: 1800, questionsAttempted: 10, correctAnswers: Math.round(score / 10), weakAreas },
  });

describe.each(databaseTargets())("the learner-performance projection on %s", (driver) => {
  let server: TestServer;
  const clock = testClock("2026-01-05T09:00:00.000Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  const rows = async () => ({
    scores: await server.db.rows(sql`select event_id::text, user_id::text, kind, item_id, score, scored_at::text from learner_scores order by event_id`),
    areas: await server.db.rows(sql`select user_id::text, area, mentions, last_seen_at::text from learner_weak_areas order by user_id, area`),
  });

  it("turns interviews and assessments into weak areas and a score trend on the admin learner page, and a rebuild gives the same rows", async () => {
    const learner = makeLearner();
    const session = randomUUID();
    const scores = [50, 55, 60, 58, 62, 70, 75, 80];
    for (const [i, score] of scores.entries()) {
      clock.set(`2026-01-0${5 + Math.floor(i / 4)}T1${i % 4}:00:00.000Z`);
      await ingest(server, learner, [interview(session, score, i < 3 ? ["Graphs", "dynamic programming"] : ["GRAPHS"])]);
    }
    clock.set("2026-01-08T09:00:00.000Z");
    await ingest(server, learner, [
      clientEvent("assessment_submitted", session, { payload: { assessmentId: "asm-9", score: 90 } }),
      clientEvent("assessment_submitted", session, { payload: { assessmentId: "asm-10", submittedOffline: true } }), // no score: not in the series
    ]);
    await server.settle();

    const { performance } = await makeAdmin(server).caller.admin.learner({ userId: learner });
    expect(performance.weakAreas).toEqual([
      { area: "graphs", mentions: 8, lastSeenAt: "2026-01-06T13:00:00.000000Z" },
      { area: "dynamic programming", mentions: 3, lastSeenAt: "2026-01-05T12:00:00.000000Z" },
    ]);
    expect(performance.scores.map((s) => [s.kind, s.score])).toEqual([...scores.map((s) => ["interview", s]), ["assessment", 90]]);
    // Last 5 (58, 62, 70, 75, 80, 90 → 62, 70, 75, 80, 90) = 75.4; the 5 before (50, 55, 60, 58) = 55.75.
    expect(performance.trend).toEqual({ recentMean: 75.4, previousMean: 55.75, direction: "up" });

    const incremental = await rows();
    await rebuildAggregates(server.db, [learnerPerformanceProjection]);
    expect(await rows()).toEqual(incremental);
  });
});
