import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { utcIso } from "../projections/sql-utc-iso.ts";
import type { Job } from "./job.ts";

/**
 * Marks `job` due now, whatever its interval: the worker holding its lease starts it at its next
 * tick, and the claim clears the request (job-scheduler.ts). It lives in the database, not in
 * the process that was asked, so any API process can take the request and any worker runs it.
 * A request made while one waits keeps the first one's time and author.
 */
export async function requestJobRun(executor: Executor, job: Job, requestedBy: string): Promise<string> {
  const [row] = await rowsOf<{ requested_at: string }>(
    executor,
    sql`insert into job_runs (name, requested_at, requested_by) values (${job.name}, clock_timestamp(), ${requestedBy})
        on conflict (name) do update set requested_at = coalesce(job_runs.requested_at, excluded.requested_at),
                                         requested_by = coalesce(job_runs.requested_by, excluded.requested_by)
        returning ${utcIso(sql`job_runs.requested_at`)} as requested_at`,
  );
  return row!.requested_at;
}

/** The request waiting for a worker, if any. */
export async function readJobRequest(executor: Executor, job: Job): Promise<{ requestedAt: string | null; requestedBy: string | null }> {
  const [row] = await rowsOf<{ requested_at: string | null; requested_by: string | null }>(
    executor,
    sql`select case when requested_at is null then null else ${utcIso(sql`requested_at`)} end as requested_at, requested_by
          from job_runs where name = ${job.name}`,
  );
  return { requestedAt: row?.requested_at ?? null, requestedBy: row?.requested_by ?? null };
}
