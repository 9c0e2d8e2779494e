/**
 * Measures Chronicle's ingest against the machine's limit in the same run. In interleaved
 * rounds it times, for BENCH_SECONDS each:
 *   - raw COPY into a scratch table with the `events` columns, defaults and indexes and a unique id (chunks of 5 000, 4 writers),
 *   - raw `insert … select from jsonb_to_recordset` into it (50 rows, 4 writers),
 *   - Chronicle over real HTTP: telemetry.ingest ×50 from 64 learners, ingestGameBatch ×1000 from 4 senders;
 * on PGlite the limit is the same jsonb_to_recordset insert into PGlite in this process.
 * Each round prints events/s and the share of the limit; then the medians, and batch latency
 * at half of Chronicle's peak, offered open loop (a batch goes out on schedule, whether or not
 * earlier ones have been answered).
 *
 *   npm run bench:ingest                                                     # PGlite only
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:ingest  # PGlite and PostgreSQL
 *   BENCH_DATABASES=postgres BENCH_ROUNDS=5 BENCH_SECONDS=8 npm run bench:ingest
 *   BENCH_PROJECTIONS=off …   measures ingest with the projection runner stopped
 *   BENCH_SENDERS=inline …    runs the senders in the server's process (before 7 December 2026);
 *                             the default runs them in a process of their own (sender-process.ts)
 */
import type { Database } from "@chronicle/db";
import { createTokenVerifier } from "@chronicle/api/auth/verify-token.ts";
import { loadEnv, type ServerEnv } from "@chronicle/api/env.ts";
import { createMemoryLogger } from "@chronicle/api/observability/logger.ts";
import { startProjectionRunner } from "@chronicle/api/projections/projection-runner.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { listen, type RunningServer } from "@chronicle/api/testing/index.ts";
import { groupCommitTally } from "@chronicle/api/ingest/group-commit.ts";
import { closedLoop, median, openLoop, percentile } from "./bench-stats.ts";
import { gameServerSenders, learnerSenders, planGameServers, planLearners, unavailable } from "./chronicle-senders.ts";
import type { SenderPath } from "./sender-process.ts";
import { startSenderProcess } from "./sender-process-client.ts";
import { onEachDatabase } from "./on-each-database.ts";
import { createScratchTable, rawPgliteRecordset, rawPostgresWriters } from "./raw-writers.ts";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const halfLoadSeconds = Number(process.env.BENCH_HALF_SECONDS ?? 10);
const withProjections = process.env.BENCH_PROJECTIONS !== "off";
const sendersIn = process.env.BENCH_SENDERS ?? "process";
if (sendersIn !== "process" && sendersIn !== "inline") throw new Error(`BENCH_SENDERS is "${sendersIn}"; use process (the default) or inline.`);

/** How the bench drives Chronicle's senders: a closed loop for some seconds (events/s), an open loop at a rate (latencies). */
interface Senders {
  closed(path: SenderPath, seconds: number): Promise<number>;
  open(path: SenderPath, rate: number): Promise<{ latencies: number[]; achieved: number }>;
  /** 503s and dropped connections retried so far. */
  unavailable(): number;
  close(): Promise<void>;
}

const LEARNER_BATCH = 50;
const GAME_BATCH = 1000;
const batchOf = (path: SenderPath) => (path === "telemetry" ? LEARNER_BATCH : GAME_BATCH);

async function startSenders(db: Database, env: ServerEnv, http: RunningServer): Promise<Senders> {
  const learners = await planLearners(db, env, 64);
  const gameTokens = await planGameServers(env, 4);
  if (sendersIn === "process") {
    const child = startSenderProcess();
    let retried = 0;
    const track = <T extends { unavailable: number }>(reply: T) => ((retried = reply.unavailable), reply);
    await child.send({ kind: "setup", url: http.url, learners, learnerBatch: LEARNER_BATCH, gameTokens, gameBatch: GAME_BATCH });
    return {
      closed: async (path, forSeconds) => track(await child.send({ kind: "closed", path, seconds: forSeconds })).rate!,
      open: async (path, rate) => {
        const reply = track(await child.send({ kind: "open", path, rate, seconds: halfLoadSeconds }));
        return { latencies: reply.latencies!, achieved: reply.achieved! };
      },
      unavailable: () => retried,
      close: () => child.close(),
    };
  }
  const post = (path: string, body: unknown, token: string) => http.post(path, body, token);
  const steps = { telemetry: learnerSenders(post, learners, LEARNER_BATCH), games: gameServerSenders(post, gameTokens, GAME_BATCH) };
  return {
    closed: (path, forSeconds) => closedLoop(forSeconds, steps[path].length, (worker) => steps[path][worker]!()),
    open: (path, rate) => openLoop(rate, halfLoadSeconds, steps[path], batchOf(path)),
    unavailable: () => unavailable.count,
    close: async () => {},
  };
}

interface Path {
  name: string;
  /** True for the raw writes every other path is compared with. */
  isLimit: boolean;
  run(): Promise<number>;
}

let lastLog: ReturnType<typeof createMemoryLogger> | undefined;

const pct = (share: number) => `${(share * 100).toFixed(0)} %`;

async function bench(label: string, db: Database): Promise<void> {
  const env = loadEnv({ NODE_ENV: "test" });
  const log = createMemoryLogger();
  lastLog = log;
  const projections = startProjectionRunner(db, withProjections ? allProjections : [], log);
  const http = await listen({ db, env, log, verifyToken: createTokenVerifier(env), now: () => new Date(), startedAt: new Date(), projections });
  await createScratchTable(db);
  const senders = await startSenders(db, env, http);

  const raw = db.driver === "postgres" ? await rawPostgresWriters(db, 4) : null;
  const paths: Path[] = raw
    ? [
        { name: "raw COPY, 5000 rows, 4 writers", isLimit: true, run: () => closedLoop(seconds, 4, () => raw.copy(5000)) },
        { name: "raw jsonb_to_recordset, 50 rows, 4 writers", isLimit: false, run: () => closedLoop(seconds, 4, () => raw.recordset(50)) },
      ]
    : [{ name: "raw jsonb_to_recordset, 50 rows, 4 writers", isLimit: true, run: () => closedLoop(seconds, 4, () => rawPgliteRecordset(db, 50)) }];
  const telemetryName = "Chronicle telemetry.ingest ×50, 64 learners";
  const gamesName = "Chronicle ingestGameBatch ×1000, 4 senders";
  paths.push(
    { name: telemetryName, isLimit: false, run: () => senders.closed("telemetry", seconds) },
    { name: gamesName, isLimit: false, run: () => senders.closed("games", seconds) },
  );
  const limitName = paths.find((p) => p.isLimit)!.name;

  // Warm-up: JIT, connections, the first pages of every index.
  await senders.closed("telemetry", 1);
  await projections.drain();

  const grouping = new Map<string, { groups: number; requests: number }>(paths.map((p) => [p.name, { groups: 0, requests: 0 }]));
  const rates = new Map<string, number[]>(paths.map((p) => [p.name, []]));
  const shares = new Map<string, number[]>(paths.map((p) => [p.name, []]));
  for (let round = 1; round <= rounds; round += 1) {
    const measured = new Map<string, number>();
    for (const path of paths) {
      // Each path starts with the projections caught up, so no path pays for the previous one's backlog.
      await projections.drain();
      const before = { ...groupCommitTally };
      measured.set(path.name, await path.run());
      const tally = grouping.get(path.name)!;
      tally.groups += groupCommitTally.groups - before.groups;
      tally.requests += groupCommitTally.requests - before.requests;
    }
    const limit = measured.get(limitName)!;
    console.log(`${label} round ${round}/${rounds}`);
    for (const path of paths) {
      const rate = measured.get(path.name)!;
      rates.get(path.name)!.push(rate);
      shares.get(path.name)!.push(rate / limit);
      console.log(`  ${path.name.padEnd(46)} ${String(Math.round(rate)).padStart(7)} events/s  ${pct(rate / limit).padStart(5)} of ${path.isLimit ? "itself" : "the limit"}`);
    }
  }

  console.log(
    `${label} medians over ${rounds} rounds of ${seconds} s (share = median of per-round ratios to ${limitName}; projections ${withProjections ? "on" : "off"}; ` +
      `senders ${sendersIn === "process" ? "in a process of their own" : "in the server's process"})`,
  );
  for (const path of paths) {
    const { groups, requests } = grouping.get(path.name)!;
    const perGroup = groups > 0 ? `  (${(requests / groups).toFixed(1)} requests per group commit)` : "";
    console.log(`  ${path.name.padEnd(46)} ${String(Math.round(median(rates.get(path.name)!))).padStart(7)} events/s  ${pct(median(shares.get(path.name)!)).padStart(5)}${perGroup}`);
  }

  for (const [name, path] of [
    [telemetryName, "telemetry"],
    [gamesName, "games"],
  ] as const) {
    await projections.drain();
    const half = median(rates.get(name)!) / 2;
    const { latencies, achieved } = await senders.open(path, half);
    console.log(
      `${label} half of peak, open loop: ${name}: offered ${Math.round(half)} events/s (achieved ${Math.round(achieved)}), ` +
        `batch latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
  }
  const retried = senders.unavailable();
  if (retried > 0) console.log(`${label} ${retried} requests were answered 503 or dropped and sent again (the server was overloaded)`);
  unavailable.count = 0;
  await senders.close();
  console.log(`${label} process RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  await raw?.close();
  await http.close();
  await projections.stop();
}

await onEachDatabase("ingest", async (label, db) => {
  try {
    await bench(label, db);
  } catch (error) {
    // The server's own account of a failed request is in its log, not in the 503 body.
    for (const line of lastLog?.lines.filter((l) => l.level === "error").slice(-3) ?? []) console.error(line.message, line.context);
    throw error;
  }
});
