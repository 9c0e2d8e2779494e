/**
 * What the HTTP layer costs, measured in the same run: the same router, database, projection
 * runner and ingest path served
 *   (a) by the production stack (Fastify + @trpc/server's Fastify adapter, http/create-http-server.ts) and
 *   (b) by a bare node:http server with tRPC's standalone adapter (bench/bare-trpc-server.ts),
 * in interleaved rounds (a then b, then b then a, …) under the same client load:
 *   - telemetry.ingest ×50 events from 64 learners (bench:ingest's telemetry path),
 *   - telemetry.ingest ×1 event from 64 learners (per-request overhead dominates),
 *   - auth.signInOptions from 64 callers: a query that touches no database, so the HTTP layer is nearly all there is.
 * Each round prints events/s, requests/s, p99 request latency (closed loop), the process's CPU
 * time per request (client and both servers share this process, so only the difference counts)
 * and b/a; then the median of the per-round ratios. The load average is printed with every round:
 * on a shared machine read the ratios, not the rates.
 *
 *   npm run bench:http                                                        # PGlite only
 *   BENCH_DATABASES=postgres DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:http
 *   BENCH_ROUNDS=9 BENCH_SECONDS=3 …   rounds (odd numbers give a plain median) and seconds per server per case
 *   BENCH_PROJECTIONS=off …            with the projection runner stopped
 */
import type { Database } from "@chronicle/db";
import { loadavg } from "node:os";
import { createTokenVerifier } from "@chronicle/api/auth/verify-token.ts";
import { loadEnv } from "@chronicle/api/env.ts";
import { createMemoryLogger } from "@chronicle/api/observability/logger.ts";
import { startProjectionRunner } from "@chronicle/api/projections/projection-runner.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { listen, type RunningServer } from "@chronicle/api/testing/index.ts";
import { bareTrpcServer } from "./bare-trpc-server.ts";
import { closedLoop, percentile } from "./bench-stats.ts";
import { telemetryLearners, unavailable, type Sender } from "./chronicle-senders.ts";
import { onEachDatabase } from "./on-each-database.ts";

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const withProjections = process.env.BENCH_PROJECTIONS !== "off";
const LEARNERS = 64;

const servers = ["a Fastify (production)", "b bare node:http + tRPC standalone"] as const;
type ServerName = (typeof servers)[number];

interface Case {
  name: string;
  batchSize: number;
  senders: Sender[];
}

interface Sample {
  eventsPerSecond: number;
  requestsPerSecond: number;
  p99: number;
  cpuMicrosPerRequest: number;
}

/** The middle value, or the mean of the two middle ones (bench-stats' median takes the upper one, which biases a ratio over few rounds). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** b/a as a sentence about the production stack: 1.05 means it served 4.8 % fewer per second than the bare server. */
function fastifyVersusBare(bOverA: number): string {
  const share = (1 - 1 / bOverA) * 100;
  return `Fastify ${Math.abs(share).toFixed(1)} % ${share >= 0 ? "slower" : "faster"} than bare`;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
const ratio = (b: number, a: number) => (a > 0 ? b / a : Number.NaN);

/** Runs one case against whichever server `target` points at, timing each request. */
async function measure(c: Case): Promise<Sample> {
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const eventsPerSecond = await closedLoop(seconds, c.senders.length, async (w) => {
    const t0 = performance.now();
    const n = await c.senders[w]!();
    latencies.push(performance.now() - t0);
    return n;
  });
  const cpu = process.cpuUsage(cpuBefore);
  return {
    eventsPerSecond,
    requestsPerSecond: eventsPerSecond / c.batchSize,
    p99: percentile(latencies, 99),
    cpuMicrosPerRequest: (cpu.user + cpu.system) / Math.max(1, latencies.length),
  };
}

async function bench(label: string, db: Database): Promise<void> {
  // The rate limit stays on the production path (its cost is measured) but never refuses: 64 learners send far more than 1 200 requests a minute each.
  const env = loadEnv({ NODE_ENV: "test", CHRONICLE_RATE_LIMIT_MAX: "100000000" });
  const log = createMemoryLogger();
  const projections = startProjectionRunner(db, withProjections ? allProjections : [], log);
  const deps = { db, env, log, verifyToken: createTokenVerifier(env), now: () => new Date(), startedAt: new Date(), projections };
  const running: Record<ServerName, RunningServer> = { [servers[0]]: await listen(deps), [servers[1]]: await bareTrpcServer(deps) };

  // The learners post through whichever server is current, so both servers see the very same clients.
  let current: RunningServer = running[servers[0]];
  const switchable: RunningServer = { ...current, post: (path, body, token) => current.post(path, body, token), get: (path) => current.get(path) };
  const noDatabase: Sender = async () => {
    const answer = await switchable.get(`/trpc/auth.signInOptions?input=${encodeURIComponent("{}")}`);
    if (answer.status !== 200) throw new Error(`auth.signInOptions answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 300)}`);
    return 1;
  };
  const cases: Case[] = [
    { name: "telemetry.ingest ×50, 64 learners", batchSize: 50, senders: await telemetryLearners(db, env, switchable, LEARNERS, 50) },
    { name: "telemetry.ingest ×1, 64 learners", batchSize: 1, senders: await telemetryLearners(db, env, switchable, LEARNERS, 1) },
    { name: "auth.signInOptions (no database)", batchSize: 1, senders: Array.from({ length: LEARNERS }, () => noDatabase) },
  ];

  // Warm-up of both servers: JIT, keep-alive connections, the first index pages.
  for (const name of servers) {
    current = running[name];
    for (const c of cases) await closedLoop(1, c.senders.length, (w) => c.senders[w]!());
  }
  await projections.drain();

  console.log(`${label} load average at start ${load()}; ${rounds} rounds of ${seconds} s per server per case; projections ${withProjections ? "on" : "off"}`);
  const ratios = new Map(cases.map((c) => [c.name, { events: [] as number[], cpu: [] as number[], p99: [] as number[] }]));
  const samples = new Map(cases.map((c) => [c.name, new Map(servers.map((s) => [s, [] as Sample[]]))]));
  for (let round = 1; round <= rounds; round += 1) {
    // a, b in odd rounds and b, a in even ones, so a slow drift (a growing table, a neighbour's build) favours neither.
    const order = round % 2 === 1 ? servers : ([...servers].reverse() as unknown as typeof servers);
    console.log(`${label} round ${round}/${rounds} (load average ${load()})`);
    for (const c of cases) {
      const got = new Map<ServerName, Sample>();
      for (const name of order) {
        // Each measurement starts with the projections caught up, so none pays for the previous one's backlog.
        await projections.drain();
        current = running[name];
        const sample = await measure(c);
        got.set(name, sample);
        samples.get(c.name)!.get(name)!.push(sample);
      }
      const a = got.get(servers[0])!;
      const b = got.get(servers[1])!;
      const r = ratios.get(c.name)!;
      r.events.push(ratio(b.eventsPerSecond, a.eventsPerSecond));
      r.cpu.push(ratio(b.cpuMicrosPerRequest, a.cpuMicrosPerRequest));
      r.p99.push(ratio(b.p99, a.p99));
      for (const name of servers) {
        const s = got.get(name)!;
        console.log(
          `  ${c.name.padEnd(34)} ${name.padEnd(36)} ${String(Math.round(s.eventsPerSecond)).padStart(6)} events/s ${String(Math.round(s.requestsPerSecond)).padStart(6)} req/s` +
            `  p99 ${s.p99.toFixed(1).padStart(7)} ms  CPU ${String(Math.round(s.cpuMicrosPerRequest)).padStart(6)} µs/req`,
        );
      }
      console.log(`  ${c.name.padEnd(34)} ${"b/a".padEnd(36)} ${r.events.at(-1)!.toFixed(3)} (throughput), CPU per request ${r.cpu.at(-1)!.toFixed(3)}`);
    }
  }

  console.log(`${label} medians over ${rounds} rounds of ${seconds} s (load average now ${load()})`);
  for (const c of cases) {
    for (const name of servers) {
      const all = samples.get(c.name)!.get(name)!;
      const med = (pick: (s: Sample) => number) => median(all.map(pick));
      console.log(
        `  ${c.name.padEnd(34)} ${name.padEnd(36)} ${String(Math.round(med((s) => s.eventsPerSecond))).padStart(6)} events/s ${String(Math.round(med((s) => s.requestsPerSecond))).padStart(6)} req/s` +
          `  p99 ${med((s) => s.p99).toFixed(1).padStart(7)} ms  CPU ${String(Math.round(med((s) => s.cpuMicrosPerRequest))).padStart(6)} µs/req`,
      );
    }
    const r = ratios.get(c.name)!;
    console.log(
      `  ${c.name.padEnd(34)} ${"median b/a".padEnd(36)} throughput ${median(r.events).toFixed(3)} (${fastifyVersusBare(median(r.events))}), ` +
        `CPU per request ${median(r.cpu).toFixed(3)}, p99 ${median(r.p99).toFixed(3)}`,
    );
  }
  if (unavailable.count > 0) console.log(`${label} ${unavailable.count} requests were answered 503 or dropped and sent again (the server was overloaded)`);
  unavailable.count = 0;
  for (const name of servers) await running[name].close();
  await projections.stop();
}

await onEachDatabase("http", bench);
