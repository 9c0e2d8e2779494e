import type { ServerDeps } from "../context.ts";
import { startJobScheduler } from "../jobs/job-scheduler.ts";
import { allJobs } from "../jobs/registry.ts";

/**
 * The scheduled jobs of a worker, run on a test server's database with a short tick: for tests
 * that drive the apps against what a worker does (the admin's "Export now").
 */
export function startTestWorker(deps: ServerDeps, jobNames: readonly string[]): { stop(): Promise<void> } {
  const jobs = allJobs.filter((job) => jobNames.includes(job.name));
  if (jobs.length !== jobNames.length) throw new Error(`Unknown job in ${jobNames.join(", ")}; the jobs are ${allJobs.map((job) => job.name).join(", ")}.`);
  return startJobScheduler(deps, jobs, { holder: `test-worker:${process.pid}`, tickMs: 250 });
}
