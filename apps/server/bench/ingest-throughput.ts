/**
 * Measures ingest throughput over real HTTP: batches of 50 valid events, sent by
 * several learners at once, on PGlite (a temporary data folder) and, when
 * DATABASE_URL is set, on PostgreSQL. Prints events/s and batch latency percentiles.
 *
 *   npm run bench:ingest                      # PGlite only
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:ingest
 *   BENCH_BATCHES=400 BENCH_CONCURRENCY=8 npm run bench:ingest
 */
import type { Database } from "@chronicle/db";
import { onEachDatabase } from "./on-each-database.ts";
import { performance } from "node:perf_hooks";
import { createTokenVerifier } from "../src/auth/verify-token.ts";
import { loadEnv } from "../src/env.ts";
import { createMemoryLogger } from "../src/observability/logger.ts";
import { startProjectionRunner } from "../src/projections/projection-runner.ts";
import { allProjections } from "../src/projections/registry.ts";
import { clientEvent, listen, makeExamSession, makeLearner } from "../src/testing/index.ts";
import { signDevToken } from "../src/auth/sign-dev-token.ts";

const batches = Number(process.env.BENCH_BATCHES ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
const batchSize = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function bench(label: string, db: Database): Promise<void> {
  const env = loadEnv({ NODE_ENV: "test" });
  const log = createMemoryLogger();
  const projections = startProjectionRunner(db, allProjections, log);
  const deps = { db, env, log, verifyToken: createTokenVerifier(env), now: () => new Date(), startedAt: new Date(), projections };
  const http = await listen(deps);
  const learners = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const userId = makeLearner();
      const exam = await makeExamSession(db, userId, 20);
      return { exam, token: await signDevToken(env, { role: "learner", sub: userId }) };
    }),
  );

  const latencies: number[] = [];
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    learners.map(async ({ exam, token }, worker) => {
      for (let b = worker; b < batches; b += concurrency) {
        const events = Array.from({ length: batchSize }, (_, i) =>
          clientEvent("QUESTION_VIEWED", exam.sessionId, { seq: b * batchSize + i, question_id: exam.questionIds[i % 20], payload: { position: (i % 20) + 1 } }),
        );
        const t0 = performance.now();
        const response = await http.post("/trpc/telemetry.ingest", { source: "web", events }, token);
        latencies.push(performance.now() - t0);
        if (response.json.result?.data.accepted !== batchSize) throw new Error(`batch not fully accepted: ${JSON.stringify(response.json).slice(0, 300)}`);
        sent += batchSize;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(10)} ${sent} events in ${batches} batches of ${batchSize}, ${concurrency} concurrent learners: ` +
      `${Math.round(sent / seconds)} events/s; batch latency p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
  await http.close();
  await projections.stop();
}

await onEachDatabase("ingest", bench);
