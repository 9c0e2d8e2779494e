/**
 * Measures every admin query on a large, realistic log: bulk-loads BENCH_EVENTS events over
 * 30 days (default 1 000 000) into a fresh database, lets the projections catch up, then calls
 * each admin procedure through the real router (createCaller, admin principal) 30 times with
 * varied inputs after a few warm-up calls, and prints p50/p95/max per query. PGlite in a
 * temporary folder always; PostgreSQL too when DATABASE_URL is set (a throw-away database).
 *
 *   npm run bench:admin
 *   BENCH_EVENTS=200000 npm run bench:admin
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:admin
 *   BENCH_KEEP=1 npm run bench:admin          # keep the PGlite folder to EXPLAIN ANALYZE a slow query
 *   BENCH_DATABASES=postgres DATABASE_URL=… npm run bench:admin   # one database only
 *
 * admin.live is a subscription (a polling stream), so it is not timed here.
 */
import type { Database } from "@chronicle/db";
import { onEachDatabase } from "./on-each-database.ts";
import { sql } from "drizzle-orm";
import { performance } from "node:perf_hooks";
import { createTokenVerifier } from "@chronicle/api/auth/verify-token.ts";
import type { Context, ServerDeps } from "@chronicle/api/context.ts";
import { loadEnv } from "@chronicle/api/env.ts";
import { createMemoryLogger } from "@chronicle/api/observability/logger.ts";
import { startProjectionRunner } from "@chronicle/api/projections/projection-runner.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { appRouter } from "@chronicle/api/router.ts";
import { bulkLoad } from "@chronicle/simulator/bulk-load.ts";
import { createCallerFactory } from "@chronicle/api/trpc.ts";

const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const timedCalls = Number(process.env.BENCH_CALLS ?? 30);
const warmupCalls = 3;
const budgetMs = 200;
const createCaller = createCallerFactory(appRouter);
type AdminCaller = ReturnType<typeof createCaller>["admin"];

interface Samples {
  learners: string[];
  sessions: string[];
  examSessions: string[];
  topics: string[];
  gameStudents: string[];
  eventTypes: string[];
  days: string[];
  laterCursors: string[];
}

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length]!;

async function readSamples(db: Database, admin: AdminCaller): Promise<Samples> {
  const column = async (query: ReturnType<typeof sql>) => (await db.rows<{ v: string }>(query)).map((row) => row.v);
  const learners = await column(sql`select user_id::text as v from daily_user_stats group by user_id order by sum(events_count) desc limit 40`);
  const sessions = await column(sql`select id::text as v from sessions where family in ('study', 'game') order by md5(id::text) limit 20`);
  const examSessions = await column(sql`select id::text as v from test_sessions order by md5(id::text) limit 20`);
  const topics = await column(sql`select id::text as v from topics order by slug`);
  const gameStudents = await column(sql`select student_id::text as v from behavioral_features group by student_id order by count(*) desc limit 20`);
  const eventTypes = ["QUESTION_VIEWED", "question_submit", "material_read", "choice_made", "search_performed", "SESSION_SUBMITTED", "PAUSE_BLUR"];
  const days = await column(sql`select to_char(d, 'YYYY-MM-DD') as v from generate_series(now() - interval '29 days', now() - interval '1 day', interval '3 days') as d`);
  // A later page: follow the cursor ten pages deep from a few different starting filters.
  const laterCursors: string[] = [];
  for (const filters of [{}, { families: ["study" as const] }, { types: ["QUESTION_VIEWED", "choice_made"] }]) {
    let cursor: string | null = null;
    for (let page = 0; page < 10; page += 1) cursor = (await admin.events({ filters, cursor, limit: 50 })).nextCursor;
    if (cursor) laterCursors.push(cursor);
  }
  return { learners, sessions: [...sessions, ...examSessions], examSessions, topics, gameStudents, eventTypes, days, laterCursors };
}

function adminQueries(admin: AdminCaller, s: Samples): Record<string, (i: number) => Promise<unknown>> {
  const dayWindow = (i: number) => ({ from: `${pick(s.days, i)}T00:00:00.000Z`, to: `${pick(s.days, i)}T23:59:59.999Z` });
  return {
    ingestionHealth: (i) => admin.ingestionHealth({ windowMinutes: pick([60, 1440, 10_080], i) }),
    "events (first page)": () => admin.events({ limit: 50 }),
    "events (later cursor page)": (i) => admin.events({ cursor: pick(s.laterCursors, i), limit: 50 }),
    "events (learner filter)": (i) => admin.events({ filters: { userId: pick(s.learners, i) }, limit: 50 }),
    "events (session filter)": (i) => admin.events({ filters: { sessionId: pick(s.sessions, i) }, limit: 50 }),
    "events (types filter)": (i) => admin.events({ filters: { types: [pick(s.eventTypes, i), pick(s.eventTypes, i + 3)] }, limit: 50 }),
    "events (family + day)": (i) => admin.events({ filters: { families: [pick(["exam", "study", "game", "sync"] as const, i)], ...dayWindow(i) }, limit: 50 }),
    "events (day window)": (i) => admin.events({ filters: dayWindow(i), limit: 50 }),
    sessionTimeline: (i) => admin.sessionTimeline({ sessionId: pick(s.sessions, i) }),
    learner: (i) => admin.learner({ userId: pick(s.learners, i) }),
    topic: (i) => admin.topic({ topicId: pick(s.topics, i) }),
    topics: () => admin.topics(),
    "game (all)": () => admin.game({}),
    "game (student)": (i) => admin.game({ studentId: pick(s.gameStudents, i) }),
    "game (window)": (i) => admin.game(dayWindow(i)),
    counters: (i) => admin.counters({ days: pick([7, 30] as const, i) }),
    quarantine: (i) => admin.quarantine({ windowDays: pick([7, 30], i), limit: 20 }),
    projectionLag: () => admin.projectionLag(),
    exports: () => admin.exports(),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function bench(label: string, db: Database): Promise<void> {
  const started = performance.now();
  const report = await bulkLoad(db, { events, onProgress: (line) => console.log(`${label}: ${line}`) });
  console.log(
    `${label}: loaded ${report.eventsWritten} events (+${report.eventsDerived} derived by projections) from ${report.learners} learners, ` +
      `${report.examSessions} exams, ${report.studySessions} study, ${report.gameSessions} game sessions, ${report.syncBatches} sync batches, ` +
      `${report.counterRows} counter rows, ${report.quarantined} quarantined, ${report.batches} batch-log rows; ` +
      `load ${(report.loadMs / 1000).toFixed(0)} s, projections ${(report.projectMs / 1000).toFixed(0)} s`,
  );
  const env = loadEnv({ NODE_ENV: "test" });
  const log = createMemoryLogger();
  // A long tick: nothing is ingested during the benchmark, so the runner only has to exist.
  const projections = startProjectionRunner(db, allProjections, log, 3_600_000);
  const deps: ServerDeps = { db, env, log, verifyToken: createTokenVerifier(env), now: () => new Date(), startedAt: new Date(), projections };
  const admin = createCaller({ ...deps, auth: { status: "valid", principal: { userId: crypto.randomUUID(), role: "admin", scopes: [] } } } satisfies Context).admin;
  const samples = await readSamples(db, admin);

  const results: { name: string; p50: number; p95: number; max: number }[] = [];
  const queries = adminQueries(admin, samples);
  // The health pages matter most when a projection is far behind, e.g. rebuilding after a
  // deploy. Measured last, with the widest projection's checkpoint moved back to the start
  // of the log (the runner's tick is an hour, so nothing moves it forward meanwhile).
  const widest = allProjections.reduce((a, b) => (b.eventTypes.length > a.eventTypes.length ? b : a));
  const behind = `(${widest.name} at log start)`;
  queries[`projectionLag ${behind}`] = async () => admin.projectionLag();
  queries[`ingestionHealth ${behind}`] = async (i) => admin.ingestionHealth({ windowMinutes: pick([60, 1440, 10_080], i) });
  for (const [name, call] of Object.entries(queries)) {
    if (name.endsWith(behind) && !name.startsWith("ingestionHealth")) {
      await db.rows(sql`update projection_checkpoints set last_tx_id = 0, last_ingest_seq = 0 where name = ${widest.name}`);
    }
    for (let i = 0; i < warmupCalls; i += 1) await call(i);
    const times: number[] = [];
    for (let i = 0; i < timedCalls; i += 1) {
      const t0 = performance.now();
      await call(i);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    results.push({ name, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! });
  }
  console.log(`\n${label}: ${timedCalls} warm calls per admin query over ${report.eventsWritten + report.eventsDerived} events (ms)`);
  console.log(`  ${"query".padEnd(48)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"max".padStart(8)}`);
  for (const r of results) console.log(`  ${r.name.padEnd(48)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}${r.p95 > budgetMs ? "   over budget" : ""}`);
  const slowest = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const over = results.filter((r) => r.p95 > budgetMs);
  console.log(`  slowest: ${slowest.name} (p95 ${slowest.p95.toFixed(1)} ms)`);
  console.log(over.length === 0 ? `  every p95 is under ${budgetMs} ms` : `  p95 over ${budgetMs} ms: ${over.map((r) => r.name).join(", ")}`);
  console.log(`${label}: total ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  await projections.stop();
}

await onEachDatabase("admin", bench);
