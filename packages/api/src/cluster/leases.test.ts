import type { Database } from "@chronicle/db";
import { createTestDb, databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerDeps } from "../context.ts";
import { loadEnv } from "../env.ts";
import { runJobIfDue } from "../jobs/job-scheduler.ts";
import type { Job } from "../jobs/job.ts";
import { createMemoryLogger } from "../observability/logger.ts";
import { claimOnce } from "./claim-once.ts";
import { acquireLease, assertLeaseHeld, LeaseLostError, releaseLease } from "./leases.ts";
import { holdRebuildLease } from "./rebuild-guard.ts";
import { announceWorker } from "./worker-presence.ts";

/** What a frozen holder's lease looks like to everyone else once its TTL has passed. */
const expire = (db: Database, name: string) => db.rows(sql`update leases set expires_at = clock_timestamp() - interval '1 second' where name = ${name}`);

describe.each(databaseTargets())("cluster leases on %s", (driver) => {
  let db: Database;
  let deps: ServerDeps;
  beforeAll(async () => {
    db = await createTestDb(driver);
    await db.rows(sql`create table job_side_effects (holder text not null, at timestamptz not null default clock_timestamp())`);
    const noRunner = { nudge: () => {}, drain: async () => {}, stop: async () => {} };
    deps = { db, env: loadEnv({ NODE_ENV: "test" }), log: createMemoryLogger(), verifyToken: async () => ({ status: "none" }), now: () => new Date(), startedAt: new Date(), projections: noRunner };
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it("gives a lease to one holder until it expires or is released, with a higher token each time", async () => {
    const first = await acquireLease(db, "singleton", "worker-a");
    expect(first).toMatchObject({ holder: "worker-a" });
    expect(await acquireLease(db, "singleton", "worker-b")).toBeNull();

    await expire(db, "singleton");
    const second = await acquireLease(db, "singleton", "worker-b");
    expect(second!.token).toBeGreaterThan(first!.token);

    await releaseLease(db.orm, second!);
    const third = await acquireLease(db, "singleton", "worker-a");
    expect(third!.token).toBeGreaterThan(second!.token);
  });

  it("fences a holder that woke up after its lease was taken over: its writes roll back", async () => {
    const frozen = await acquireLease(db, "fenced", "worker-a");
    await expire(db, "fenced");
    await acquireLease(db, "fenced", "worker-b");
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into job_side_effects (holder) values ('worker-a')`);
        await assertLeaseHeld(tx, frozen!);
      }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(await db.rows(sql`select holder from job_side_effects where holder = 'worker-a'`)).toEqual([]);
  });

  it("runs a job once per interval across processes, and the process that took over runs it, not the frozen one", async () => {
    const job: Job = {
      name: "side-effect",
      intervalMs: 60_000,
      async run(jobDeps) {
        await jobDeps.db.rows(sql`insert into job_side_effects (holder) values ('job')`);
      },
    };
    const a = await acquireLease(db, "job:side-effect", "worker-a");
    expect(await acquireLease(db, "job:side-effect", "worker-b")).toBeNull();
    expect(await runJobIfDue(deps, job, a!)).toBe(true);
    // Within the interval nobody runs it again, not even its holder.
    expect(await runJobIfDue(deps, job, a!)).toBe(false);

    // worker-a freezes; its lease runs out and the interval passes; worker-b takes over.
    await expire(db, "job:side-effect");
    await db.rows(sql`update job_runs set last_started_at = last_started_at - interval '2 minutes' where name = 'side-effect'`);
    const b = await acquireLease(db, "job:side-effect", "worker-b");
    expect(b).not.toBeNull();
    await expect(runJobIfDue(deps, job, a!)).rejects.toBeInstanceOf(LeaseLostError);
    expect(await runJobIfDue(deps, job, b!)).toBe(true);

    const [runs] = await db.rows<{ effects: number; runs: number; holder: string }>(
      sql`select (select count(*)::int from job_side_effects where holder = 'job') as effects, runs::int as runs, last_holder as holder
            from job_runs where name = 'side-effect'`,
    );
    expect(runs).toEqual({ effects: 2, runs: 2, holder: "worker-b" });
  });

  it("lets exactly one of several starting processes send the first-run demo traffic", async () => {
    const claims = await Promise.all(["api-1", "api-2", "api-3"].map((holder) => claimOnce(db, "first-run-demo-traffic", holder)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimOnce(db, "first-run-demo-traffic", "api-4")).toBe(false);
  });

  it("refuses a rebuild while a worker projects, and holds a starting worker back while a rebuild runs", async () => {
    const worker = await announceWorker(db, "worker-a", () => {});
    await expect(holdRebuildLease(db)).rejects.toThrow(/1 process is running projections on this database \(worker-a\); stop every `chronicle serve --role worker`/);
    await worker.stop();

    const release = await holdRebuildLease(db);
    const lines: string[] = [];
    let hasStarted = false;
    const starting = announceWorker(db, "worker-b", (line) => lines.push(line)).then((presence) => {
      hasStarted = true;
      return presence;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(hasStarted).toBe(false);
    expect(lines).toEqual(["[chronicle] a `chronicle rebuild` is running; projections and jobs start when it finishes."]);
    await release();
    await (await starting).stop();
    expect(hasStarted).toBe(true);
  }, 30_000);
});
