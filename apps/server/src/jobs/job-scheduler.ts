import type { ServerDeps } from "../context.ts";
import type { Job } from "./job.ts";

/** Runs each job on its interval; a failing run is logged and retried at the next tick. */
export function startJobScheduler(deps: ServerDeps, jobs: readonly Job[]): { stop(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const timers = jobs.map((job) => {
    let isBusy = false;
    const timer = setInterval(() => {
      if (isBusy) return;
      isBusy = true;
      const run = job
        .run(deps, deps.now())
        .catch((error: unknown) => deps.log.error("job.failed", { job: job.name, error }))
        .finally(() => {
          isBusy = false;
          running.delete(run);
        });
      running.add(run);
    }, job.intervalMs);
    timer.unref();
    return timer;
  });
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running);
    },
  };
}
