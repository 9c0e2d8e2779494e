import type { Database } from "@chronicle/db";
import type { ServerDeps } from "@chronicle/api/context.ts";
import { announceWorker } from "@chronicle/api/cluster/worker-presence.ts";
import { startJobScheduler } from "@chronicle/api/jobs/job-scheduler.ts";
import { allJobs } from "@chronicle/api/jobs/registry.ts";
import { consoleLogger } from "@chronicle/api/observability/logger.ts";
import { startProjectionRunner, type ProjectionRunner } from "@chronicle/api/projections/projection-runner.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";

/** A runner that does nothing, for API-only processes: workers project what they ingest. */
export const noProjectionRunner: ProjectionRunner = { nudge: () => {}, drain: async () => {}, stop: async () => {} };

export interface WorkerRole {
  projections: ProjectionRunner;
  /** Starts the scheduled jobs once the process's deps exist (they include the projection runner). */
  startJobs(deps: ServerDeps): void;
  /** Hands the job leases back, finishes the projection batch in flight and leaves the cluster. */
  stop(): Promise<void>;
}

/**
 * The worker role: announces this process as a worker (waiting while a `chronicle rebuild`
 * runs), keeps every projection current, and runs the scheduled jobs (expiry, export, alerts…)
 * once per interval across the cluster, under leases.
 */
export async function startWorkerRole(db: Database, holder: string): Promise<WorkerRole> {
  const presence = await announceWorker(db, holder, console.log);
  const projections = startProjectionRunner(db, allProjections, consoleLogger);
  let jobs: { stop(): Promise<void> } | null = null;
  return {
    projections,
    startJobs(deps) {
      jobs = startJobScheduler(deps, allJobs, { holder });
    },
    async stop() {
      // The job scheduler hands its leases back, so another worker takes the jobs over at once.
      await jobs?.stop();
      await projections.stop();
      await presence.stop();
    },
  };
}
