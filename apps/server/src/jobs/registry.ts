import type { Job } from "./job.ts";

/** Every scheduled job; `serve` runs them, tests call `job.run` directly with a chosen time. */
export const allJobs: readonly Job[] = [];
