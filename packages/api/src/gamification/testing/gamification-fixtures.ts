import type { EventType } from "@chronicle/contracts";
import { questions, topics, rowsOf, type Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Projection } from "../../projections/projection.ts";
import { measureProjectionLag } from "../../projections/projection-lag.ts";
import { catchUp } from "../../projections/run-projection.ts";
import { userGamificationProjection } from "../../projections/user-gamification.ts";
import { makeExamSession, type ExamSessionFixture, type TestServer } from "../../testing/index.ts";
import { xpAwarder } from "../xp-awarder.ts";

/** A clock the test moves by hand; pass `clock.now` to createTestServer. */
export function movableClock(startIso: string): { now: () => Date; set(iso: string): Date } {
  let current = new Date(startIso);
  return {
    now: () => current,
    set(iso) {
      current = new Date(iso);
      return current;
    },
  };
}

const gamificationProjections = [xpAwarder, userGamificationProjection];

/**
 * Projections read only below the oldest running transaction of the whole PostgreSQL
 * cluster, so a test sharing a server with other suites can see a pass stop short.
 * Wait until nothing of these projections' types is left behind their checkpoints.
 */
async function waitForNoPending(db: Database, projections: readonly Projection[], pass: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await pass();
    const lags = await measureProjectionLag(db.orm, projections);
    if (lags.every((lag) => lag.pendingEvents === 0)) return;
    if (Date.now() > deadline) throw new Error(`Projections still behind: ${JSON.stringify(lags)}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Applies these projections until each has applied everything in the log. */
export async function catchUpFully(db: Database, projections: readonly Projection[]): Promise<void> {
  await waitForNoPending(db, projections, async () => {
    for (const projection of projections) await catchUp(db, projection);
  });
}

/**
 * The XP awarder appends events that user-gamification reads: settle until both have
 * applied everything, the awarder's own output included.
 */
export async function settleUntilStable(server: TestServer): Promise<void> {
  await waitForNoPending(server.db, gamificationProjections, () => server.settle());
}

export interface LoggedGamificationEvent {
  id: string;
  event_type: EventType;
  session_id: string;
  payload: Record<string, unknown>;
}

/** The learner's events of these types, in log order. */
export async function eventsOf(db: Database, userId: string, types: readonly EventType[]): Promise<LoggedGamificationEvent[]> {
  return rowsOf<LoggedGamificationEvent>(
    db.orm,
    sql`select id::text as id, event_type, session_id::text as session_id, payload_json as payload from events
         where user_id = ${userId}::uuid
           and event_type in (select value from jsonb_array_elements_text(${JSON.stringify(types)}::jsonb))
         order by tx_id, ingest_seq`,
  );
}

/** An exam session whose questions are in the question bank with these correct option indexes. */
export async function makeBankedExamSession(db: Database, userId: string, correctIndexes: readonly number[]): Promise<ExamSessionFixture> {
  const fixture = await makeExamSession(db, userId, correctIndexes.length);
  const topicId = randomUUID();
  await db.orm.insert(topics).values({ id: topicId, slug: `topic-${topicId}`, name: "Cardiology", description: "Test topic" });
  await db.orm.insert(questions).values(
    fixture.questionIds.map((id, i) => ({
      id,
      topicId,
      stem: `Question ${i + 1}`,
      options: ["A", "B", "C", "D"],
      correctIndex: correctIndexes[i]!,
      explanation: "Because.",
      difficulty: 3,
    })),
  );
  return fixture;
}
