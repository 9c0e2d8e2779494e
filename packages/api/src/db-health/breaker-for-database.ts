import type { Database } from "@chronicle/db";
import type { Logger } from "../observability/logger.ts";
import { createDatabaseBreaker, type BreakerOptions, type DatabaseBreaker } from "./database-breaker.ts";

/**
 * The breaker's timings. On a network stall a request gets its 503 about slowAfterMs +
 * probeTimeoutMs (0.9 s) after the database fell silent, well inside issue 11's 2 s even when a
 * loaded machine runs timers late; health answers within probeTimeoutMs (inside its 1 s). A
 * refused connection opens it as soon as the probe is refused.
 */
export const breakerTimings = {
  probeTimeoutMs: 500,
  probeIntervalMs: 500,
  slowAfterMs: 400,
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
    breaker = createDatabaseBreaker({
      ...breakerTimings,
      probe: (timeoutMs) => db.probe(timeoutMs),
      lastHeardAt: () => db.lastHeardAt(),
      onChange,
    });
    breakers.set(db, breaker);
  }
  return breaker;
}
