import { loadQuestionBank, type Database } from "@chronicle/db";
import { seedQuestions } from "@chronicle/db/question-bank";
import { databaseTargets } from "@chronicle/db/testing";
import { getTableName, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, seededRandom, type RawClientEvent, type SeededRandom, type TestServer } from "../testing/index.ts";
import type { ClientEvent, GameBatchInput } from "@chronicle/contracts";
import { rebuildAggregates } from "./rebuild-aggregates.ts";
import { allProjections } from "./registry.ts";

const DAY = 86_400_000;
const asWire = (events: RawClientEvent[]) => events as unknown as ClientEvent[];

/** Every row of every projection table, in a canonical order, to compare two states exactly. */
async function snapshotAggregates(db: Database): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of new Set(allProjections.flatMap((p) => p.tables))) {
    const name = getTableName(table);
    const rows = await db.rows<Record<string, unknown>>(sql.raw(`select to_jsonb(t) as row from "${name}" t`));
    snapshot[name] = rows.map((r) => JSON.stringify(r.row, Object.keys(r.row as object).sort())).sort();
  }
  return snapshot;
}

/** A study session's events, some repeated, delivered shuffled and in two batches sent in reverse order. */
function studyBatches(random: SeededRandom, sessionId: string): RawClientEvent[][] {
  const question = random.pick(seedQuestions);
  const topicId = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c03";
  const events: RawClientEvent[] = [
    clientEvent("session_start", sessionId),
    clientEvent("material_open", sessionId),
    ...Array.from({ length: random.int(1, 4) }, () =>
      clientEvent("material_read", sessionId, {
        payload: { material_id: "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c01", chunk_id: "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c02", topic_id: topicId, time_spent_seconds: 30, scroll_depth_percent: random.int(10, 100), chunk_index: random.int(0, 9), is_complete: random.chance(0.5) },
      }),
    ),
    ...Array.from({ length: random.int(1, 3) }, () => {
      const isCorrect = random.chance(0.6);
      return clientEvent("question_submit", sessionId, {
        payload: {
          question_id: question.id,
          topic_id: topicId,
          selected_answer: isCorrect ? "B" : "C",
          correct_answer: "B",
          is_correct: isCorrect,
          time_to_answer_seconds: random.int(5, 90),
          is_first_attempt: true,
          attempt_number: 1,
          hint_used: random.chance(0.2),
        },
      });
    }),
    clientEvent("material_complete", sessionId),
    clientEvent("session_end", sessionId),
  ];
  const withRepeats = [...events, ...events.filter(() => random.chance(0.2))];
  const shuffled = random.shuffle(withRepeats);
  const cut = random.int(1, shuffled.length - 1);
  return [shuffled.slice(cut), shuffled.slice(0, cut)];
}

function gameBatch(random: SeededRandom, studentId: string, sessionId: string): GameBatchInput {
  const at = (offsetSeconds: number) => new Date(Date.UTC(2026, 0, 5, 10, 0, offsetSeconds)).toISOString();
  const event = (event_type: string, data: Record<string, unknown>, offset: number) => ({
    event_id: random.uuid(),
    student_id: studentId,
    event_type,
    timestamp: at(offset),
    data,
    session_id: sessionId,
    mission_id: "mission-alpha",
  });
  const events = [
    event("mission_start", {}, 0),
    event("task_start", { task_id: "t1", expected_duration_seconds: 60 }, 5),
    ...(random.chance(0.5) ? [event("failure", { task_id: "t1" }, 20), event("recovery", { task_id: "t1" }, 30)] : []),
    event("distraction", {}, 40),
    event("task_complete", { task_id: "t1", duration_seconds: random.int(30, 120) }, 70),
    event("collaboration", {}, 80),
  ];
  return { batch_id: `b-${random.uuid()}`, client_version: "1.0.0", events: random.shuffle(events) } as GameBatchInput;
}

describe.each(databaseTargets())("a rebuild on %s", (driver) => {
  let server: TestServer;
  let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
  beforeAll(async () => {
    server = await createTestServer(driver, {}, () => new Date(clock));
    await loadQuestionBank(server.db.orm);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("gives exactly the tables the incremental path produced, for a seeded random workload with duplicates and out-of-order events", async () => {
    const random = seededRandom(20261125);
    const learners = Array.from({ length: 4 }, () => random.uuid());
    for (let day = 0; day < 3; day += 1) {
      clock = Date.UTC(2026, 0, 5 + day, 9, 0, 0);
      for (const learner of learners) {
        const api = server.learner(learner);
        if (random.chance(0.8)) await api.gamification.checkin();

        const exam = await api.sessions.create({ mode: "practice", questionCount: 5 });
        for (let position = 1; position <= 5; position += 1) {
          if (random.chance(0.8)) await api.sessions.answer({ sessionId: exam.sessionId, position, action: "select", selectedIndex: random.int(0, 3) });
          if (random.chance(0.3)) await api.sessions.answer({ sessionId: exam.sessionId, position, action: "select", selectedIndex: random.int(0, 3) });
          if (random.chance(0.2)) await api.sessions.answer({ sessionId: exam.sessionId, position, action: "mark", marked: true });
        }
        const views = Array.from({ length: 5 }, (_, i) => clientEvent("PAUSE_BLUR", exam.sessionId, { seq: i, payload: { state: random.pick(["blur", "focus"]) } }));
        await api.telemetry.ingest({ source: "web", events: asWire(random.shuffle(views)) });
        if (random.chance(0.5)) await api.telemetry.ingest({ source: "web", events: asWire(views) });
        await api.sessions.submit({ sessionId: exam.sessionId });
        if (random.chance(0.5)) await api.sessions.review({ sessionId: exam.sessionId });

        const studySession = random.uuid();
        for (const batch of studyBatches(random, studySession)) await api.telemetry.ingest({ source: "web", events: asWire(batch) });

        const gameSession = random.uuid();
        const batch = gameBatch(random, learner, gameSession);
        await server.service(random.uuid()).telemetry.ingestGameBatch(batch);
        if (random.chance(0.3)) await server.service(random.uuid()).telemetry.ingestGameBatch(batch);
        await server.service(random.uuid()).game.closeSession({ sessionId: gameSession });

        clock += random.int(1, 30) * 60_000;
        // Sometimes the incremental path catches up in the middle of the workload.
        if (random.chance(0.3)) await server.settle();
      }
      clock += DAY;
    }
    await server.settle();
    await server.settle();

    const incremental = await snapshotAggregates(server.db);
    const rowCount = Object.values(incremental).reduce((n, rows) => n + rows.length, 0);
    expect(rowCount).toBeGreaterThan(100);
    expect(incremental.test_session_results).toHaveLength(12);

    await rebuildAggregates(server.db, allProjections);
    await server.settle();
    const rebuilt = await snapshotAggregates(server.db);

    for (const table of Object.keys(incremental)) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: incremental[table] });
  }, 300_000);
});
