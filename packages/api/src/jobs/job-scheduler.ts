import type { Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { acquireLease, assertLeaseHeld, COORDINATION_TX_LIMITS, LEASE_RENEW_MS, releaseLease, renewLeaseNow, type Lease } from "../cluster/leases.ts";
import { transactionDatabase } from "../cluster/transaction-database.ts";
import type { ServerDeps } from "../context.ts";
import { jobFailures, jobRuns } from "../observability/metrics.ts";
import type { Job } from "./job.ts";

export interface JobSchedulerOptions {
  /** This process's holder id in the leases table. */
  holder: string;
  /** How often each job's lease and due time are checked. */
  tickMs?: number;
}

/** The lease that makes a job run in one process of the cluster at a time. */
export const jobLeaseName = (job: Job) => `job:${job.name}`;

/**
 * Starts `job` once when its interval has passed since its last start anywhere in the cluster
 * (job_runs, judged by the database clock), or when someone asked for a run (`requestJobRun`).
 * Returns false when it was not due. The claim, the
 * job's writes (for "one-transaction" jobs) and the fence commit together.
 */
export async function runJobIfDue(deps: ServerDeps, job: Job, lease: Lease): Promise<boolean> {
  const claim = async (db: Database) => {
    await db.rows(sql`insert into job_runs (name) values (${job.name}) on conflict (name) do nothing`);
    const claimed = await db.rows<{ name: string }>(
      sql`update job_runs set last_started_at = clock_timestamp(), last_holder = ${lease.holder}, runs = runs + 1,
                              requested_at = null, requested_by = null
           where name = ${job.name}
             and (last_started_at is null or requested_at is not null
                  or last_started_at <= clock_timestamp() - ${job.intervalMs} * interval '1 millisecond')
          returning name`,
    );
    return claimed.length === 1;
  };
  const finish = (db: Database) => db.rows(sql`update job_runs set last_finished_at = clock_timestamp() where name = ${job.name}`);

  if (job.fencing === "by-itself") {
    const isDue = await deps.db.transaction(async (tx) => {
      // The claim alone is one short transaction; it must not hold the lease row if this process freezes in it.
      await tx.execute(COORDINATION_TX_LIMITS);
      await assertLeaseHeld(tx, lease);
      return claim(transactionDatabase(tx, deps.db));
    });
    if (!isDue) return false;
    await job.run(deps, deps.now());
    await finish(deps.db);
    return true;
  }
  const hasRun = await deps.db.transaction(async (tx) => {
    // Waits inside a job are bounded: a frozen process holding a row gives up its turn, not ours.
    await tx.execute(sql.raw("set local lock_timeout = '5s'"));
    // A process frozen mid-job holds the lease row: the server ends its session after 5 s idle.
    await tx.execute(sql.raw("set local idle_in_transaction_session_timeout = '5s'"));
    const db = transactionDatabase(tx, deps.db);
    if (!(await claim(db))) return false;
    await job.run({ ...deps, db }, deps.now());
    // The fence, last: it locks the lease row only from here to the commit, so the holder keeps
    // renewing while a long job runs, and a process that lost the lease meanwhile (it froze and
    // another took over) rolls the whole job back here.
    await assertLeaseHeld(tx, lease);
    return true;
  });
  // After the commit: a job that wrote events holds the log's position lock until it commits,
  // so nothing else goes after them in that transaction (docs/aggregates.md, lock order rule 1).
  if (hasRun) await finish(deps.db);
  return hasRun;
}

/**
 * Runs each job once per interval across the whole cluster: every process ticks, one holds
 * each job's lease (renewed every few seconds) and runs it when due. If that process dies or
 * freezes, its lease expires and another process takes the job over within the lease TTL plus
 * one tick. A failing run is logged and retried at the next due time.
 */
export function startJobScheduler(deps: ServerDeps, jobs: readonly Job[], options: JobSchedulerOptions): { stop(): Promise<void> } {
  const tickMs = options.tickMs ?? 1_000;
  const leases = new Map<string, Lease>();
  const busy = new Map<string, Promise<void>>();
  let isStopped = false;

  const tick = (job: Job) => {
    if (isStopped || busy.has(job.name)) return;
    const run = (async () => {
      let lease = leases.get(job.name);
      if (!lease) {
        lease = (await acquireLease(deps.db, jobLeaseName(job), options.holder)) ?? undefined;
        if (!lease) return;
        leases.set(job.name, lease);
      }
      if (await runJobIfDue(deps, job, lease)) jobRuns.inc({ job: job.name, outcome: "success" });
    })()
      .catch((error: unknown) => {
        jobRuns.inc({ job: job.name, outcome: "failure" });
        jobFailures.inc({ job: job.name });
        if ((error as Error).name === "LeaseLostError") leases.delete(job.name);
        deps.log.error("job.failed", { job: job.name, error });
      })
      .finally(() => busy.delete(job.name));
    busy.set(job.name, run);
  };

  const renew = async () => {
    for (const [name, lease] of leases) {
      if ((await renewLeaseNow(deps.db, lease).catch(() => "busy" as const)) === "lost") leases.delete(name);
    }
  };

  const timers = jobs.map((job) => setInterval(() => tick(job), Math.min(tickMs, job.intervalMs)));
  const renewer = setInterval(() => void renew(), LEASE_RENEW_MS);
  for (const timer of [...timers, renewer]) timer.unref();
  for (const job of jobs) tick(job);

  return {
    async stop() {
      isStopped = true;
      for (const timer of [...timers, renewer]) clearInterval(timer);
      await Promise.allSettled(busy.values());
      // Handing the leases back lets another process take the jobs over at once, not after the TTL.
      await Promise.allSettled([...leases.values()].map((lease) => releaseLease(deps.db.orm, lease)));
      leases.clear();
    },
  };
}
