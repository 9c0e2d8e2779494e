import type { ServerDeps } from "../context.ts";

/** A scheduled job: heavy aggregates and time-driven events (expiry, broken streaks, knowledge gaps). */
export interface Job {
  readonly name: string;
  readonly intervalMs: number;
  /** Must be idempotent: it can run late, twice, or on several servers. */
  run(deps: ServerDeps, now: Date): Promise<void>;
}
