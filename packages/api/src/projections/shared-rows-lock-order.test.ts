import { eventCatalog, type EventType } from "@chronicle/contracts";
import type { Database } from "@chronicle/db";
import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTopic, submitPayload } from "../study/study-test-kit.ts";
import { learningStatsProjection } from "./learning-stats.ts";
import type { LoggedEvent, Projection } from "./projection.ts";
import { questionAttemptsProjection } from "./question-attempts.ts";

const LEARNERS = 40;

function logged(type: EventType, userId: string, payload: Record<string, unknown>, position: number): LoggedEvent {
  return {
    id: randomUUID(),
    eventType: type,
    eventVersion: eventCatalog[type].version,
    family: eventCatalog[type].family,
    eventTs: "2025-03-12T10:00:00.000Z",
    clientTs: null,
    seq: null,
    sessionId: randomUUID(),
    userId,
    questionId: null,
    source: "web",
    payload,
    txId: position,
    ingestSeq: position,
  };
}

class RolledBack extends Error {}

/** Applies `events` in its own transaction, then rolls it back so the next round starts from the same rows. */
async function applyAndRollBack(db: Database, projection: Projection, events: readonly LoggedEvent[]): Promise<void> {
  await db
    .transaction(async (tx) => {
      await projection.apply(tx, events);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}

/** Resolves once `count` sessions of this database are waiting for a lock. */
async function lockWaiters(db: Database, count: number): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const [row] = await db.rows<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (row!.n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${count} sessions never waited for a lock`);
}

// question-attempts and learning-stats both write daily_user_stats, weekly_user_stats and
// topic_daily_stats. They used to lock those rows in opposite orders and deadlocked every time
// two workers ran them at once (issue 9). A third transaction holds the weekly rows until both
// projections are waiting, so both run their writes at the same moment, and the two batches
// list the learners in opposite orders, so an order that follows the batch would show too.
describe.runIf(databaseTargets().includes("postgres"))("question-attempts and learning-stats in two workers at once on PostgreSQL", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb("postgres");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("never deadlock on the aggregate rows they share", async () => {
    const topics = await Promise.all([makeTopic(db, "Algebra", 1), makeTopic(db, "Optics", 1)]);
    const learners = Array.from({ length: LEARNERS }, () => randomUUID());
    const submits = learners.flatMap((userId, i) =>
      topics.map(({ topicId, questionIds }) => logged("question_submit", userId, submitPayload(questionIds[0]!, topicId, i % 2 === 0), i)),
    );
    const activity = [...learners].reverse().flatMap((userId, i) =>
      [...topics].reverse().flatMap(({ topicId }) => [
        logged("material_complete", userId, { material_id: randomUUID(), topic_id: topicId, total_time_seconds: 60, completion_percentage: 100 }, i),
        ...submits.filter((e) => e.userId === userId),
      ]),
    );
    await db.rows(sql`insert into weekly_user_stats (user_id, week_start)
                      select value::uuid, '2025-03-10' from jsonb_array_elements_text(${JSON.stringify(learners)}::jsonb)`);

    let openGate!: () => void;
    const gateOpens = new Promise<void>((resolve) => (openGate = resolve));
    let gateHeld!: () => void;
    const isGateHeld = new Promise<void>((resolve) => (gateHeld = resolve));
    const gate = db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from weekly_user_stats where week_start = '2025-03-10' for update`);
      gateHeld();
      await gateOpens;
    });
    await isGateHeld;
    const outcomes = Promise.allSettled([
      applyAndRollBack(db, questionAttemptsProjection, submits),
      applyAndRollBack(db, learningStatsProjection, activity),
    ]);
    await lockWaiters(db, 2);
    openGate();
    await gate;

    const failures = (await outcomes).flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as unknown] : []));
    expect(failures.map((f) => String((f as { cause?: unknown }).cause ?? f))).toEqual([]);
  });
});
