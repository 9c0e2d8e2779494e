import { projectionCheckpoints } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { getTableName, inArray, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derivedEventId } from "../emit/emit-server-events.ts";
import { emitAsServer, ingest, makeTopic, studyEvent, submitPayload, testClock } from "../study/study-test-kit.ts";
import { createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";
import { learningStatsProjection } from "./learning-stats.ts";
import { materialInteractionsProjection } from "./material-interactions.ts";
import { questionAttemptsProjection } from "./question-attempts.ts";
import { catchUp } from "./run-projection.ts";
import { studySessionsProjection } from "./study-sessions.ts";

const studyProjections = [studySessionsProjection, materialInteractionsProjection, questionAttemptsProjection, learningStatsProjection];
const tableNames = [...new Set(studyProjections.flatMap((p) => p.tables.map((t) => getTableName(t))))].sort();

/** Every row of every study table as JSON text: floats and timestamps compared exactly. */
async function snapshot(server: TestServer): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of tableNames) {
    const [row] = await server.db.rows<{ rows: string }>(
      sql.raw(`select coalesce(json_agg(t order by t::text), '[]')::text as rows from "${name}" t`),
    );
    result[name] = row!.rows;
  }
  return result;
}

/** Empties the study tables and replays the whole log through them in batches of `batchSize`. */
async function replay(server: TestServer, batchSize: number): Promise<void> {
  await server.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${tableNames.map((name) => `"${name}"`).join(", ")}`));
    await tx.delete(projectionCheckpoints).where(inArray(projectionCheckpoints.name, studyProjections.map((p) => p.name)));
  });
  for (const projection of studyProjections) await catchUp(server.db, projection, batchSize);
}

describe.each(databaseTargets())("study projections rebuilt from the log on %s", (driver) => {
  let server: TestServer;
  const clock = testClock("2025-03-01T10:00:00.000Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("gives exactly the incremental tables, however the log is cut into batches", async () => {
    const learner = makeLearner();
    const sessionId = randomUUID();
    const material = randomUUID();
    const { topicId, questionIds } = await makeTopic(server.db, "Neurology", 4);
    const read = (depth: number) => ({ material_id: material, topic_id: topicId, chunk_id: randomUUID(), time_spent_seconds: 30, scroll_depth_percent: depth, chunk_index: 0, is_complete: false });
    const days = ["2025-03-01T10:00:00.000Z", "2025-03-01T23:59:59.000Z", "2025-03-02T00:00:01.000Z", "2025-03-20T08:00:00.000Z", "2025-03-05T08:00:00.000Z"];
    for (const [i, day] of days.entries()) {
      clock.set(day);
      await ingest(server, learner, [
        studyEvent("material_read", sessionId, read(30 + i * 15)),
        studyEvent("question_submit", sessionId, submitPayload(questionIds[i % 4]!, topicId, i % 2 === 0)),
        studyEvent("question_submit", sessionId, submitPayload(questionIds[(i + 1) % 4]!, topicId, i % 3 === 0)),
        ...(i === 0 ? [studyEvent("session_start", sessionId)] : []),
        ...(i === 3 ? [studyEvent("session_end", sessionId, { duration_seconds: 900, active_seconds: 800, materials_viewed: 1, questions_attempted: 10, xp_earned: 0 })] : []),
      ]);
      if (i % 2 === 1) await server.settle();
    }
    const exam = await makeExamSession(server.db, learner, 2);
    await makeTopic(server.db, "Renal", 2, exam.questionIds);
    await emitAsServer(server, clock.at, [
      { type: "ANSWER_SELECTED", sessionId: exam.sessionId, userId: learner, questionId: exam.questionIds[0], payload: { position: 1, selected_index: 1 } },
    ]);
    await emitAsServer(server, clock.at, [
      { id: derivedEventId(exam.sessionId, "SESSION_SUBMITTED"), type: "SESSION_SUBMITTED", sessionId: exam.sessionId, userId: learner, payload: { reason: "manual" } },
    ]);
    await server.settle();

    const incremental = await snapshot(server);
    expect(JSON.parse(incremental.question_attempts!)).toHaveLength(11);
    for (const batchSize of [1, 3, 500]) {
      await replay(server, batchSize);
      expect(await snapshot(server)).toEqual(incremental);
    }
    // One transaction per event for the batch-of-1 replay: slow on a busy machine.
  }, 120_000);
});
