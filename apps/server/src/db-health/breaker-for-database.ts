import type { Database } from "@chronicle/db";
import type { Logger } from "../observability/logger.ts";
import { createDatabaseBreaker, type BreakerOptions, type DatabaseBreaker } from "./database-breaker.ts";

/**
 * The breaker's timings. A request that meets an outage gets its 503 within about
 * slowAfterMs + probeTimeoutMs (under 2 s) even when the network stalls without an error, and
 * health answers within probeTimeoutMs (under 1 s).
 */
export const breakerTimings = {
  probeTimeoutMs: 800,
  probeIntervalMs: 500,
  slowAfterMs: 1_000,
} as const satisfies Partial<BreakerOptions>;

const breakers = new WeakMap<Database, DatabaseBreaker>();

/**
 * One breaker per database handle, shared by every request, health and the readiness probe of
 * the process, so that they all see the same state. Created on first use.
 */
export function databaseBreakerFor(db: Database, log: Logger): DatabaseBreaker {
  let breaker = breakers.get(db);
  if (!breaker) {
    const onChange: BreakerOptions["onChange"] = (state, reason) => {
      if (state === "open") log.error("database.unavailable", { state, reason });
      else log.info("database.breaker", { state, reason });
    };
    breaker = createDatabaseBreaker({ ...breakerTimings, probe: (timeoutMs) => db.probe(timeoutMs), onChange });
    breakers.set(db, breaker);
  }
  return breaker;
}
