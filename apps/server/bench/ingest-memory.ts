/**
 * Does the server's memory stay flat while it ingests a million events? A Chronicle server
 * (HTTP, group commit, projection runner) and its senders run in this process; 64 learners send
 * `telemetry.ingest` ×50 in a closed loop until BENCH_EVENTS events (default 1 000 000) are
 * stored. Every tenth of the way it prints RSS and the heap after a full GC, then the growth
 * from the second sample (the first tenth is warm-up) to the end, per 100 000 events. Flat means the growth is noise
 * (a few MiB), not a slope that scales with the events.
 *
 *   npm run bench:memory                                                      # PGlite and PostgreSQL (with DATABASE_URL)
 *   BENCH_DATABASES=postgres BENCH_EVENTS=1000000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:memory
 */
import type { Database } from "@chronicle/db";
import { createTokenVerifier } from "@chronicle/api/auth/verify-token.ts";
import { loadEnv } from "@chronicle/api/env.ts";
import { createMemoryLogger } from "@chronicle/api/observability/logger.ts";
import { startProjectionRunner } from "@chronicle/api/projections/projection-runner.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { listen } from "@chronicle/api/testing/index.ts";
import { telemetryLearners, unavailable } from "./chronicle-senders.ts";
import { onEachDatabase } from "./on-each-database.ts";

const totalEvents = Number(process.env.BENCH_EVENTS ?? 1_000_000);
if (!Number.isInteger(totalEvents) || totalEvents < 100_000) throw new Error("BENCH_EVENTS must be a whole number of at least 100000.");
const samples = Number(process.env.BENCH_SAMPLES ?? 10);
const MiB = 2 ** 20;

// A full collection before each heap sample, when node runs with --expose-gc (the npm script sets it).
const collect = (globalThis as { gc?: () => void }).gc;

interface Sample {
  events: number;
  rssMiB: number;
  heapMiB: number;
}

function sample(events: number): Sample {
  collect?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { events, rssMiB: rss / MiB, heapMiB: heapUsed / MiB };
}

async function bench(label: string, db: Database): Promise<void> {
  const env = loadEnv({ NODE_ENV: "test" });
  const log = createMemoryLogger();
  const projections = startProjectionRunner(db, allProjections, log);
  const http = await listen({ db, env, log, verifyToken: createTokenVerifier(env), now: () => new Date(), startedAt: new Date(), projections });
  const learners = await telemetryLearners(db, env, http, 64, 50);
  console.log(`${label} ${learners.length} learners ready`);

  let stored = 0;
  const step = totalEvents / samples;
  let nextSample = step;
  const taken: Sample[] = [];
  const started = performance.now();
  await Promise.all(
    learners.map(async (send) => {
      while (stored < totalEvents) {
        // Not `stored += await send()`: that reads `stored` before the await and loses the other learners' counts.
        const sent = await send();
        stored += sent;
        if (stored >= nextSample) {
          nextSample += step;
          const at = sample(stored);
          taken.push(at);
          const rate = stored / ((performance.now() - started) / 1000);
          console.log(`${label} ${String(at.events).padStart(8)} events  RSS ${at.rssMiB.toFixed(0).padStart(4)} MiB  heap ${at.heapMiB.toFixed(0).padStart(4)} MiB  (${Math.round(rate)} events/s)`);
        }
      }
    }),
  );
  await projections.drain();
  // The first tenth is warm-up (JIT, pools, PGlite's first pages): growth is measured from the second sample.
  const first = taken[1] ?? taken[0]!;
  const last = sample(stored);
  const per100k = (from: number, to: number) => ((to - from) / ((last.events - first.events) / 100_000)).toFixed(2);
  console.log(
    `${label} from ${first.events} to ${last.events} events (projections caught up): RSS ${first.rssMiB.toFixed(0)} → ${last.rssMiB.toFixed(0)} MiB ` +
      `(${per100k(first.rssMiB, last.rssMiB)} MiB per 100 000 events, max ${Math.max(...taken.map((s) => s.rssMiB)).toFixed(0)}), ` +
      `heap after GC ${first.heapMiB.toFixed(0)} → ${last.heapMiB.toFixed(0)} MiB (${per100k(first.heapMiB, last.heapMiB)} MiB per 100 000 events)` +
      (collect ? "" : " [heap not collected first: run with --expose-gc]"),
  );
  if (unavailable.count > 0) console.log(`${label} ${unavailable.count} requests were answered 503 or dropped and sent again`);
  unavailable.count = 0;
  await http.close();
  await projections.stop();
}

await onEachDatabase("memory", bench);
