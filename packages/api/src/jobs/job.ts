import type { ServerDeps } from "../context.ts";

/** A scheduled job: heavy aggregates and time-driven events (expiry, broken streaks, knowledge gaps). */
export interface Job {
  readonly name: string;
  /** Least time between two starts of the job anywhere in the cluster. */
  readonly intervalMs: number;
  /**
   * "one-transaction" (the default): the scheduler runs the whole job in one transaction that
   * first checks the job's lease, so a process that lost the lease (it froze and another took
   * over) cannot commit anything. "by-itself": the job writes outside the database (the export's
   * files) and fences its own writes; the scheduler only guarantees one start per interval.
   */
  readonly fencing?: "one-transaction" | "by-itself";
  /** Must be idempotent: it can run late, or again after a run that was cut off. */
  run(deps: ServerDeps, now: Date): Promise<void>;
}
