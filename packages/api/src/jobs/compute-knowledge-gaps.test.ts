import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest, makeTopic, studyEvent, submitPayload, testClock } from "../study/study-test-kit.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { computeKnowledgeGapsJob } from "./compute-knowledge-gaps.ts";

async function gapsOf(server: TestServer, userId: string) {
  return server.db.rows<{ topic_id: string; gap_score: number; reason: string; computed_at: string }>(sql`
    select topic_id::text as topic_id, gap_score, reason, to_char(computed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as computed_at
      from knowledge_gaps where user_id = ${userId}::uuid order by topic_id`);
}

describe.each(databaseTargets())("compute-knowledge-gaps job on %s", (driver) => {
  let server: TestServer;
  const clock = testClock("2025-03-01T10:00:00.000Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("reports a weak topic once it has 3 attempts, weighs it by coverage, and removes it when mastery reaches 0.8", async () => {
    const learner = makeLearner();
    const sessionId = randomUUID();
    const { topicId, questionIds } = await makeTopic(server.db, "Cardiology", 9);
    const answer = (questionId: string, isCorrect: boolean) => studyEvent("question_submit", sessionId, submitPayload(questionId, topicId, isCorrect));

    await ingest(server, learner, [answer(questionIds[0]!, true), answer(questionIds[1]!, false)]);
    await server.settle();
    await computeKnowledgeGapsJob.run(server.deps, new Date("2025-03-01T11:00:00.000Z"));
    expect(await gapsOf(server, learner)).toEqual([]);

    await ingest(server, learner, [answer(questionIds[2]!, false)]);
    await server.settle();
    await computeKnowledgeGapsJob.run(server.deps, new Date("2025-03-01T11:00:00.000Z"));
    await computeKnowledgeGapsJob.run(server.deps, new Date("2025-03-01T11:10:00.000Z"));
    // Three first attempts at the same moment, one correct: mastery (2 + 1) / (6 + 2) = 0.375;
    // 3 of the topic's 9 questions tried: gap (1 − 0.375) × 3/9.
    expect(await gapsOf(server, learner)).toEqual([
      { topic_id: topicId, gap_score: expect.closeTo(0.208333, 6), reason: "1 of 3 first attempts correct in Cardiology", computed_at: "2025-03-01T11:10:00Z" },
    ]);

    // Nine more correct first attempts: (2·10 + 1) / (2·12 + 2) = 0.8077 ≥ 0.8, the gap is closed.
    const more = [...questionIds.slice(3), randomUUID(), randomUUID(), randomUUID()].map((id) => answer(id, true));
    await ingest(server, learner, more);
    await server.settle();
    await computeKnowledgeGapsJob.run(server.deps, new Date("2025-03-01T11:20:00.000Z"));
    expect(await gapsOf(server, learner)).toEqual([]);
  });
});
