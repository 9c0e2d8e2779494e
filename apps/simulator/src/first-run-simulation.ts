import type { Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { performance } from "node:perf_hooks";
import { signDevToken } from "@chronicle/api/auth/sign-dev-token.ts";
import { claimOnce } from "@chronicle/api/cluster/claim-once.ts";
import { newHolderId } from "@chronicle/api/cluster/leases.ts";
import type { ServerEnv } from "@chronicle/api/env.ts";
import { bulkLoad } from "./bulk-load.ts";
import { runSimulation } from "./run-simulation.ts";

const DAY_MS = 86_400_000;

export interface FirstRunDemo {
  /** Written straight into the log with back-dated event times, so daily charts show days. */
  history: { events: number; days: number; learners: number; seed: number; badRate: number };
  /** Sent over HTTP today, so ingestion health and the live stream have something to show. */
  live: { learners: number; days: number; seed: number; badRate: number; concurrency: number };
}

/**
 * Enough data for every admin chart to show something on a fresh `npm start`. A simulation over
 * HTTP is stamped with the server's receive time, so all of it would land on today; the
 * history is therefore written as the bulk loader does, a week before today, and only
 * today's traffic goes through the API.
 */
export const FIRST_RUN_DEMO: FirstRunDemo = {
  history: { events: 4000, days: 7, learners: 12, seed: 1, badRate: 0.02 },
  live: { learners: 4, days: 1, seed: 1, badRate: 0.02, concurrency: 4 },
};

async function isLogEmpty(db: Database): Promise<boolean> {
  const [row] = await db.rows<{ is_empty: boolean }>(sql`select not exists (select 1 from events) as is_empty`);
  return row?.is_empty === true;
}

async function countLoggedEvents(db: Database): Promise<number> {
  const [row] = await db.rows<{ n: number }>(sql`select count(*)::int as n from events`);
  return row?.n ?? 0;
}

/** The claim that makes the demo traffic happen once per database, however many processes start. */
export const FIRST_RUN_CLAIM = "first-run-demo-traffic";

export interface FirstRunOptions {
  print?: (line: string) => void;
  /**
   * Resolves when the projections have applied what is committed: the demo is "loaded" when
   * the admin's charts show it, not when the last event is sent.
   */
  settle?: () => Promise<void>;
  demo?: FirstRunDemo;
  now?: () => Date;
}

/** Quarter marks, so a terminal shows the load moving without a line per learner-day. */
function quarterReporter(print: (line: string) => void): (done: number, total: number, eventsSent: number) => void {
  let lastQuarter = 0;
  return (done, total, eventsSent) => {
    const quarter = Math.floor((done / total) * 4);
    if (quarter <= lastQuarter || quarter >= 4) return;
    lastQuarter = quarter;
    print(`[chronicle] loading demo data… ${quarter * 25}% (${eventsSent} events sent)`);
  };
}

/**
 * On a development server whose log is empty, sends a small simulation to itself over HTTP,
 * in the background, once per database: the first process to claim it sends it. It says when
 * it starts loading and when the data is in the charts, and never throws: a demo-data failure
 * must not block or crash the server. The promise is for tests; `serve` does not wait for it.
 */
export async function startFirstRunSimulation(db: Database, env: ServerEnv, baseUrl: string, options: FirstRunOptions = {}): Promise<void> {
  const print = options.print ?? console.log;
  const { history, live } = options.demo ?? FIRST_RUN_DEMO;
  const now = options.now ?? (() => new Date());
  if (env.NODE_ENV === "production") return;
  try {
    if (!(await isLogEmpty(db))) return;
    if (!(await claimOnce(db, FIRST_RUN_CLAIM, newHolderId()))) return;
    const started = performance.now();
    print(
      `[chronicle] loading demo data… (${history.days} days of history from ${history.learners} simulated learners, then today's ` +
        `traffic from ${live.learners} more; in the background, the admin's charts fill in as it arrives)`,
    );
    const startOfToday = Math.floor(now().getTime() / DAY_MS) * DAY_MS;
    const written = await bulkLoad(db, { ...history, now: new Date(startOfToday) });
    print(`[chronicle] loading demo data… ${written.eventsWritten} events of history written over ${history.days} days; sending today's traffic`);
    await runSimulation({ ...live, url: baseUrl }, { signToken: (request) => signDevToken(env, request), now, onProgress: quarterReporter(print) });
    await options.settle?.();
    const seconds = (performance.now() - started) / 1000;
    print(`[chronicle] demo data loaded: ${await countLoggedEvents(db)} events in ${seconds.toFixed(1)} s (run \`chronicle simulate\` for more)`);
  } catch (error) {
    print(`[chronicle] demo data skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
}
