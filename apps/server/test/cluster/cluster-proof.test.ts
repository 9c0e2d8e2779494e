import { createDb, type Database } from "@chronicle/db";
import { getTableName, sql } from "drizzle-orm";
import { parquetReadObjects } from "hyparquet";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { signDevToken } from "@chronicle/api/auth/sign-dev-token.ts";
import { rebuildCommand } from "../../src/cli/rebuild-command.ts";
import { loadEnv } from "@chronicle/api/env.ts";
import { exportEvents } from "@chronicle/api/export/export-events.ts";
import { measureProjectionLag } from "@chronicle/api/projections/projection-lag.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { runSimulation } from "@chronicle/simulator/run-simulation.ts";
import { createFreshDatabase, type FreshDatabase } from "./testing/fresh-database.ts";
import { startRoundRobinProxy, type RoundRobinProxy } from "./testing/round-robin-proxy.ts";
import { startServe, type ServeProcess } from "./testing/serve-process.ts";

const SECRET = "cluster-proof-secret-0123456789abcdef";

/** Every row of every projection table, in a canonical order, to compare two databases exactly. */
async function snapshotAggregates(db: Database): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of new Set(allProjections.flatMap((p) => p.tables))) {
    const name = getTableName(table);
    const rows = await db.rows<{ row: Record<string, unknown> }>(sql.raw(`select to_jsonb(t) as row from "${name}" t`));
    snapshot[name] = rows.map((r) => JSON.stringify(r.row, Object.keys(r.row).sort())).sort();
  }
  return snapshot;
}

/** Waits until `check` holds, polling; returns how long it took, or throws after `withinMs` with `explain()`. */
async function waitFor(what: string, withinMs: number, check: () => Promise<boolean>, explain: () => Promise<unknown> = async () => ""): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > withinMs) throw new Error(`${what} did not happen within ${withinMs / 1000} s: ${JSON.stringify(await explain())}`);
    await sleep(250);
  }
  return Date.now() - started;
}

const pidOfHolder = (holder: string) => Number(holder.split(":").at(-2));

describe.skipIf(!process.env.DATABASE_URL)("a cluster of 3 API processes and 2 workers on one PostgreSQL (PostgreSQL only: embedded PGlite is one process)", () => {
  const processes: ServeProcess[] = [];
  let database: FreshDatabase | undefined;
  let rebuilt: FreshDatabase | undefined;
  let proxy: RoundRobinProxy | undefined;
  let db: Database | undefined;
  const exportDir = mkdtempSync(join(tmpdir(), "chronicle-cluster-export-"));
  afterAll(async () => {
    for (const serve of processes) serve.child.kill("SIGKILL");
    await proxy?.close();
    await db?.close();
    await rebuilt?.drop();
    await database?.drop();
    rmSync(exportDir, { recursive: true, force: true });
  });

  it("survives kill -9 and SIGSTOP: jobs once, export exactly once, lag recovers, aggregates equal a rebuild", async () => {
    database = await createFreshDatabase();
    const env = { DATABASE_URL: database.url, NODE_ENV: "production", CHRONICLE_JWT_SECRET: SECRET, CHRONICLE_EXPORT_DIR: exportDir, CHRONICLE_DRAIN_SECONDS: "3", CHRONICLE_RATE_LIMIT_MAX: "1000000" };
    const started = Date.now();
    // All five start together on an empty database: the migrations run once, under their lock.
    const [api1, api2, api3, worker1, worker2] = await Promise.all([
      startServe("api", env),
      startServe("api", env),
      startServe("api", env),
      startServe("worker", env),
      startServe("worker", env),
    ]);
    processes.push(api1, api2, api3, worker1, worker2);
    proxy = await startRoundRobinProxy([api1.port, api2.port, api3.port]);
    db = await createDb({ kind: "postgres", url: database.url, maxConnections: 4 }, { migrate: false });
    const tokenEnv = loadEnv({ NODE_ENV: "test", CHRONICLE_JWT_SECRET: SECRET });

    // Mixed traffic (exam, study, game with closeSession, counters, sync) spread over the API processes.
    let isLoading = true;
    let rounds = 0;
    const workload = (async () => {
      for (let seed = 1; isLoading; seed += 1) {
        await runSimulation(
          { learners: 3, days: 1, seed, badRate: 0.02, concurrency: 3, url: `http://127.0.0.1:${proxy!.port}` },
          { signToken: (request) => signDevToken(tokenEnv, request) },
        ).then(
          () => (rounds += 1),
          // A learner whose API process was killed mid-request stops; the next round goes on.
          () => undefined,
        );
      }
    })();
    const exportTwice = () => Promise.allSettled([exportEvents(db!, { outDir: exportDir, actor: "test A" }), exportEvents(db!, { outDir: exportDir, actor: "test B" })]);

    const jobLeases = () =>
      db!.rows<{ name: string; holder: string; token: number; live: boolean }>(
        sql`select name, holder, token::int as token, expires_at > clock_timestamp() as live from leases where name like 'job:%' order by name`,
      );
    const allJobLeasesWith = async (isWanted: (pid: number) => boolean) => {
      const leases = await jobLeases();
      return leases.length > 0 && leases.every((lease) => lease.live && isWanted(pidOfHolder(lease.holder)));
    };

    await sleep(5_000);
    await exportTwice();
    // Learners who never come back: their countdown ends now, so expire-sessions has work.
    await db.rows(sql`update test_sessions set expires_at = now() where status = 'active'`);
    api3.child.kill("SIGKILL");
    proxy.setBackends([api1.port, api2.port]);

    // Freeze the worker that holds the most job leases, so the takeover is real: every job lease
    // ends up with the other within 15 s.
    const heldBy = (worker: ServeProcess) => async () => (await jobLeases()).filter((lease) => lease.live && pidOfHolder(lease.holder) === worker.child.pid).length;
    const [frozen, other] = (await heldBy(worker1)()) >= (await heldBy(worker2)()) ? [worker1, worker2] : [worker2, worker1];
    const leasesFrozen = await heldBy(frozen)();
    expect(leasesFrozen).toBeGreaterThan(0);
    frozen.child.kill("SIGSTOP");
    const frozenAt = Date.now();
    const takeoverAfterFreezeMs = await waitFor("job lease takeover after SIGSTOP", 15_000, () => allJobLeasesWith((pid) => pid === other.child.pid), jobLeases);
    // Then kill the other one outright, exporting meanwhile; the frozen one wakes after 20 s.
    const exporting = exportTwice();
    other.child.kill("SIGKILL");
    await sleep(Math.max(0, 20_000 - (Date.now() - frozenAt)));
    frozen.child.kill("SIGCONT");
    const takeoverAfterKillMs = await waitFor("job lease takeover after kill -9", 15_000, () => allJobLeasesWith((pid) => pid === frozen.child.pid), jobLeases);
    await exporting;
    isLoading = false;
    await workload;
    const loadEndedAt = Date.now();

    const lagBackMs = await waitFor("projection lag under 2 s", 30_000, async () =>
      (await measureProjectionLag(db!.orm, allProjections)).every((lag) => lag.lagSeconds < 2 && lag.pendingEvents === 0),
    );
    console.log(
      `[cluster proof] ${rounds} workload rounds; job leases (${leasesFrozen} held by the frozen worker) taken over ${takeoverAfterFreezeMs} ms after SIGSTOP, ${takeoverAfterKillMs} ms after SIGCONT of the frozen worker (the other killed); lag back to 0 ${lagBackMs} ms after load ended`,
    );

    // Jobs: expiry happened, once per session, and each job ran at most once per interval cluster-wide.
    const expiries = await db.rows<{ session_id: string; expired: number; submitted: number }>(
      sql`select session_id::text, count(*) filter (where event_type = 'SESSION_EXPIRED')::int as expired,
                 count(*) filter (where event_type = 'SESSION_SUBMITTED')::int as submitted
            from events where event_type in ('SESSION_EXPIRED', 'SESSION_SUBMITTED') group by session_id`,
    );
    expect(expiries.filter((row) => row.expired > 1 || row.submitted !== 1)).toEqual([]);
    expect(await db.rows(sql`select id from test_sessions where status = 'active' and expires_at <= now() - interval '20 seconds'`)).toEqual([]);
    const elapsedSeconds = (Date.now() - started) / 1000;
    const runs = Object.fromEntries(
      (await db.rows<{ name: string; runs: number }>(sql`select name, runs::int as runs from job_runs`)).map((row) => [row.name, row.runs]),
    );
    expect(runs["export-events"]).toBe(1);
    expect(runs["expire-sessions"]).toBeLessThanOrEqual(Math.ceil(elapsedSeconds / 5) + 1);

    // Export: one last run, then every event is in exactly one successful run's files.
    await exportEvents(db, { outDir: exportDir, actor: "final" });
    const files = await db.rows<{ path: string }>(
      sql`select f->>'path' as path from export_runs, jsonb_array_elements(files) f where status = 'succeeded'`,
    );
    const seen = new Map<string, number>();
    for (const { path } of files) {
      const bytes = readFileSync(join(exportDir, path));
      for (const row of await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), columns: ["id"] })) {
        seen.set(row.id as string, (seen.get(row.id as string) ?? 0) + 1);
      }
    }
    const logIds = (await db.rows<{ id: string }>(sql`select id::text as id from events`)).map((row) => row.id);
    expect([...seen.values()].filter((count) => count !== 1)).toEqual([]);
    expect([...seen.keys()].sort()).toEqual(logIds.sort());

    // Aggregates: equal to `chronicle rebuild` run on a second database holding the same log.
    for (const serve of processes) serve.child.kill("SIGTERM");
    await Promise.all(processes.map((serve) => serve.exited));
    const incremental = await snapshotAggregates(db);
    await db.close();
    db = undefined;
    rebuilt = await database.copy();
    await rebuildCommand(loadEnv({ NODE_ENV: "test", DATABASE_URL: rebuilt.url }));
    const rebuiltDb = await createDb({ kind: "postgres", url: rebuilt.url, maxConnections: 2 }, { migrate: false });
    try {
      expect(await snapshotAggregates(rebuiltDb)).toEqual(incremental);
    } finally {
      await rebuiltDb.close();
    }
    console.log(`[cluster proof] ${logIds.length} events; whole proof ${((Date.now() - started) / 1000).toFixed(0)} s (load ended after ${((loadEndedAt - started) / 1000).toFixed(0)} s)`);
  }, 420_000);
});
