import { loadQuestionBank, type Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { StreakState } from "@chronicle/api/gamification/read-streak-states.ts";
import { rebuildCounterRollups } from "@chronicle/api/projections/counter-rollups.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { catchUp } from "@chronicle/api/projections/run-projection.ts";
import { seededRandom } from "@chronicle/api/testing/seeded-random.ts";
import { loadCheckin, loadGameSession, loadStudySession, loadSuggestionTray, loadSyncBatch } from "./bulk-activities.ts";
import { createDayBuffer } from "./bulk-day-buffer.ts";
import { drawDeviceClockSkews, drawServerClockSkew } from "./device-clock.ts";
import { loadExamSession, type BankQuestion, type BulkLearner } from "./bulk-exam-session.ts";
import { writeDay } from "./bulk-write-day.ts";
import { createStudyCatalog } from "./study-catalog.ts";

const DAY_MS = 86_400_000;

export interface BulkLoadOptions {
  /** Events to write to the log (the XP projection adds its own on top). */
  events: number;
  days?: number;
  /** Default: one learner per 250 events, at least 20. */
  learners?: number;
  seed?: number;
  /** Rows per statement and events per transaction. */
  chunkSize?: number;
  badRate?: number;
  /** The end of the loaded period; event_ts spreads over the `days` before it. */
  now?: Date;
  /** Events each projection applies per transaction while catching up. */
  projectionBatch?: number;
  onProgress?: (line: string) => void;
}

export interface BulkLoadReport {
  eventsWritten: number;
  /** Events the projections appended while catching up (xp_earned, level_up, achievements). */
  eventsDerived: number;
  quarantined: number;
  batches: number;
  learners: number;
  examSessions: number;
  studySessions: number;
  gameSessions: number;
  syncBatches: number;
  counterRows: number;
  loadMs: number;
  projectMs: number;
}

interface LoadedLearner extends BulkLearner {
  syncSessionId: string;
  /** Chance of being active on a given day. */
  activity: number;
}

async function readBank(db: Database): Promise<{ questions: BankQuestion[]; topics: { id: string; name: string }[] }> {
  await loadQuestionBank(db.orm);
  const questions = await db.rows<{ id: string; topic_id: string; correct_index: number; options: number }>(
    sql`select id::text as id, topic_id::text as topic_id, correct_index, jsonb_array_length(options) as options from questions order by id`,
  );
  const topics = await db.rows<{ id: string; name: string }>(sql`select id::text as id, name from topics order by name`);
  return { questions: questions.map((q) => ({ id: q.id, topicId: q.topic_id, correctIndex: q.correct_index, optionCount: q.options })), topics };
}

async function countOf(db: Database, table: "events" | "quarantined_events" | "ingest_batches" | "counter_events"): Promise<number> {
  const [row] = await db.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return row?.n ?? 0;
}

/**
 * Writes a large, realistic log straight into the database, set-based: `events` events over
 * `days` days from thousands of learners (exams on the real bank, study, game and sync
 * sessions, check-ins, counters), with the batch log, quarantined events and resends the
 * pipeline would have recorded. It holds one simulated day in memory at a time and writes it
 * in chunks, then lets every projection catch up so the aggregates are real.
 */
export async function bulkLoad(db: Database, options: BulkLoadOptions): Promise<BulkLoadReport> {
  const days = options.days ?? 30;
  const chunkSize = options.chunkSize ?? 5000;
  const badRate = options.badRate ?? 0.01;
  const random = seededRandom(options.seed ?? 42);
  const endMs = (options.now ?? new Date()).getTime();
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();
  const eventsBefore = await countOf(db, "events");

  const { questions, topics } = await readBank(db);
  const catalog = createStudyCatalog(topics);
  const topicIds = topics.map((t) => t.id);
  const learnerCount = options.learners ?? Math.max(20, Math.round(options.events / 250));
  // Clocks come from their own generator, so they do not change the seed's traffic.
  const clocks = seededRandom((options.seed ?? 42) * 7919 + 1);
  const gameServer = { serviceId: randomUUID(), clockSkewMs: drawServerClockSkew(clocks) };
  const clockSkews = drawDeviceClockSkews(clocks, learnerCount);
  const learners: LoadedLearner[] = Array.from({ length: learnerCount }, (_, i) => ({
    userId: randomUUID(),
    skill: 0.35 + random.next() * 0.55,
    source: random.chance(0.7) ? "web" : "mobile",
    syncSessionId: randomUUID(),
    activity: 0.15 + random.next() * 0.75,
    clockSkewMs: clockSkews[i]!,
  }));
  const streaks = new Map<string, StreakState>();
  const tallies = { examSessions: 0, studySessions: 0, gameSessions: 0, syncBatches: 0, counterRows: 0 };
  let written = 0;

  for (let day = 0; day < days; day += 1) {
    const dayStart = endMs - (days - day) * DAY_MS;
    const target = Math.round(((day + 1) * options.events) / days) - written;
    const buffer = createDayBuffer();
    const active = learners.filter((l) => random.chance(l.activity));
    const clock = new Map<string, number>();
    while (buffer.events.length < target && active.length > 0) {
      const learner = random.pick(active);
      let atMs = clock.get(learner.userId) ?? dayStart + random.int(6 * 60, 21 * 60) * 60_000;
      if (!clock.has(learner.userId)) loadCheckin(buffer, learner.userId, streaks, atMs);
      const roll = random.next();
      if (roll < 0.3) {
        atMs = loadExamSession(buffer, random, learner, questions, topicIds, atMs, badRate);
        tallies.examSessions += 1;
      } else if (roll < 0.65) {
        atMs = loadStudySession(buffer, random, learner, catalog, atMs, badRate);
        tallies.studySessions += 1;
        if (random.chance(0.5)) loadSuggestionTray(buffer, random, learner.userId, atMs);
      } else if (roll < 0.85) {
        atMs = loadGameSession(buffer, random, learner, gameServer, atMs, badRate);
        tallies.gameSessions += 1;
      } else {
        atMs = loadSyncBatch(buffer, random, learner, catalog, day, atMs);
        tallies.syncBatches += 1;
      }
      clock.set(learner.userId, atMs + random.int(2, 90) * 60_000);
    }
    tallies.counterRows += buffer.counters.reduce((sum, c) => sum + c.n, 0);
    const writing = performance.now();
    await writeDay(db, buffer, chunkSize);
    written += buffer.events.length;
    progress(`day ${day + 1}/${days}: ${written} events written (this day's write took ${((performance.now() - writing) / 1000).toFixed(1)} s)`);
  }
  await rebuildCounterRollups(db);
  const loadMs = performance.now() - started;

  const projecting = performance.now();
  // Some projections append derived events (XP) that earlier ones in the registry follow or
  // must step past, so go round until a whole round applies nothing: every checkpoint is then
  // at the log head, as the live runner leaves them.
  for (let round = 1; ; round += 1) {
    let appliedThisRound = 0;
    for (const projection of allProjections) {
      const t0 = performance.now();
      const applied = await catchUp(db, projection, options.projectionBatch ?? 5000);
      appliedThisRound += applied;
      progress(`round ${round}, projection ${projection.name}: ${applied} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (appliedThisRound === 0) break;
  }
  const projectMs = performance.now() - projecting;

  return {
    eventsWritten: written,
    eventsDerived: (await countOf(db, "events")) - eventsBefore - written,
    quarantined: await countOf(db, "quarantined_events"),
    batches: await countOf(db, "ingest_batches"),
    learners: learnerCount,
    ...tallies,
    loadMs,
    projectMs,
  };
}
