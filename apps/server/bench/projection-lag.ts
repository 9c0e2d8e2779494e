/**
 * Measures projection lag under a steady ingest load: learners send study batches
 * (session, materials, question submits) at a target rate over real HTTP while the
 * server's projection runner keeps every aggregate current. Every 250 ms it samples
 * the lag `health` reports (seconds since the oldest unapplied event was received).
 *
 * Offer half of bench:ingest's peak to check the goal (every projection's lag p95 ≤ 1 s). Then it times `chronicle rebuild` (rebuildAggregates)
 * over the whole log, after bulk-loading BENCH_REBUILD_EVENTS more events (default 100 000;
 * the goal is stated for 1 000 000), and prints events/s.
 *
 *   npm run bench:lag                                   # PGlite, 500 events/s for 20 s
 *   BENCH_RATE=1000 BENCH_SECONDS=30 npm run bench:lag
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:lag
 *   BENCH_DATABASES=postgres BENCH_REBUILD_EVENTS=1000000 DATABASE_URL=… npm run bench:lag
 */
import type { Database } from "@chronicle/db";
import { onEachDatabase } from "./on-each-database.ts";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { signDevToken } from "@chronicle/api/auth/sign-dev-token.ts";
import { createTokenVerifier } from "@chronicle/api/auth/verify-token.ts";
import { loadEnv } from "@chronicle/api/env.ts";
import { createMemoryLogger } from "@chronicle/api/observability/logger.ts";
import { measureProjectionLag } from "@chronicle/api/projections/projection-lag.ts";
import { startProjectionRunner } from "@chronicle/api/projections/projection-runner.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { clientEvent, listen, type RawClientEvent } from "@chronicle/api/testing/index.ts";
import { rebuildAggregates } from "@chronicle/api/projections/rebuild-aggregates.ts";
import { sql } from "drizzle-orm";

const rate = Number(process.env.BENCH_RATE ?? 500);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const rebuildEvents = Number(process.env.BENCH_REBUILD_EVENTS ?? 100_000);
const learnersCount = 8;
const batchSize = 25;

function studyBatch(sessionId: string, isFirst: boolean): RawClientEvent[] {
  const topic = "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c03";
  return Array.from({ length: batchSize }, (_, i) =>
    isFirst && i === 0
      ? clientEvent("session_start", sessionId)
      : i % 3 === 0
        ? clientEvent("question_submit", sessionId, {
            payload: { question_id: randomUUID(), topic_id: topic, selected_answer: "A", correct_answer: "A", is_correct: true, time_to_answer_seconds: 12, is_first_attempt: true, attempt_number: 1, hint_used: false },
          })
        : clientEvent("material_read", sessionId),
  );
}

/**
 * Grows the log to `target` events by copying what the load wrote, with new ids and new session
 * and learner ids per copy (each learner's history keeps its size), in slices of 50 000 rows. Copies of derived events (xp_earned…) are copied too,
 * and the replay derives new ones for the copies, so a rebuild here does a little more than a
 * rebuild of a real log of that size.
 */
async function growLog(db: Database, target: number): Promise<number> {
  const count = async () => (await db.rows<{ n: number }>(sql`select count(*)::int as n from events`))[0]!.n;
  for (let size = await count(), copy = 1; size < target; size = await count(), copy += 1) {
    const [range] = await db.rows<{ low: number; high: number }>(sql`select min(ingest_seq)::float8 as low, max(ingest_seq)::float8 as high from events`);
    let remaining = target - size;
    for (let from = range!.low - 1; from < range!.high && remaining > 0; from += 50_000) {
      const rows = await db.rows<{ n: number }>(sql`
        with copied as (
          insert into events (id, event_version, event_type, family, event_ts, client_ts, seq, session_id, user_id, question_id, source, payload_json, content_hash, batch_id)
          select gen_random_uuid(), event_version, event_type, family, event_ts, client_ts, seq, md5(session_id::text || ${String(copy)})::uuid,
                 md5(user_id::text || ${String(copy)})::uuid, question_id, source, payload_json, content_hash, batch_id
            from events where ingest_seq > ${from} and ingest_seq <= ${from + Math.min(50_000, remaining)}
           order by ingest_seq
          returning 1)
        select count(*)::int as n from copied`);
      remaining -= rows[0]!.n;
    }
  }
  return count();
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function bench(label: string, db: Database): Promise<void> {
  const env = loadEnv({ NODE_ENV: "test" });
  const log = createMemoryLogger();
  const projections = startProjectionRunner(db, allProjections, log);
  const http = await listen({ db, env, log, verifyToken: createTokenVerifier(env), now: () => new Date(), startedAt: new Date(), projections });
  const learners = await Promise.all(
    Array.from({ length: learnersCount }, async () => {
      const userId = randomUUID();
      return { sessionId: randomUUID(), token: await signDevToken(env, { role: "learner", sub: userId }), sent: 0 };
    }),
  );

  const lags: number[] = [];
  const lagsByProjection = new Map<string, number[]>(allProjections.map((p) => [p.name, []]));
  let isLoading = true;
  const sampler = (async () => {
    while (isLoading) {
      const lag = await measureProjectionLag(db.orm, allProjections);
      lags.push(Math.max(...lag.map((l) => l.lagSeconds)));
      for (const l of lag) lagsByProjection.get(l.name)?.push(l.lagSeconds);
      await sleep(250);
    }
  })();

  const batchesPerSecond = rate / batchSize;
  const started = performance.now();
  let sent = 0;
  const inFlight: Promise<unknown>[] = [];
  for (let tick = 0; tick < seconds * batchesPerSecond; tick += 1) {
    const learner = learners[tick % learners.length]!;
    const due = started + (tick / batchesPerSecond) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const events = studyBatch(learner.sessionId, learner.sent === 0);
    learner.sent += 1;
    inFlight.push(http.post("/trpc/telemetry.ingest", { source: "web", events }, learner.token).then(() => (sent += events.length)));
  }
  await Promise.all(inFlight);
  const achievedRate = Math.round(sent / ((performance.now() - started) / 1000));
  const drainStarted = performance.now();
  await projections.drain();
  const drainMs = performance.now() - drainStarted;
  isLoading = false;
  await sampler;
  lags.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(9)} offered ${rate} events/s for ${seconds} s (achieved ${achievedRate} events/s, ${sent} events): ` +
      `projection lag p50 ${percentile(lags, 50).toFixed(2)} s, p95 ${percentile(lags, 95).toFixed(2)} s, max ${(lags.at(-1) ?? 0).toFixed(2)} s; ` +
      `caught up ${drainMs.toFixed(0)} ms after the load stopped`,
  );
  // Per projection: fair passes should keep every one of them near the others.
  const perProjection = [...lagsByProjection].map(([name, values]) => {
    values.sort((a, b) => a - b);
    return `${name} ${percentile(values, 95).toFixed(2)}`;
  });
  console.log(`${"".padEnd(9)} lag p95 per projection (s): ${perProjection.join(", ")}`);
  await http.close();
  await projections.stop();

  const logSize = await growLog(db, rebuildEvents);
  for (const [how, options] of [
    ["one projection at a time, each reading the log itself, slices of 500 (before issue 10)", { slice: 500, oneAtATime: true }],
    ["all projections in step over one shared read of the log, 4 at a time, slices of 2000", {}],
  ] as const) {
    const rebuildStarted = performance.now();
    await rebuildAggregates(db, allProjections, options);
    const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
    console.log(`${label.padEnd(9)} rebuild of ${logSize} events, ${how}: ${rebuildSeconds.toFixed(1)} s, ${Math.round(logSize / rebuildSeconds)} events/s`);
  }
}

await onEachDatabase("lag", bench);
