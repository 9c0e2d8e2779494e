import { healthOutput } from "@chronicle/contracts";
import { liveHolders } from "../cluster/worker-presence.ts";
import { databaseBreakerFor } from "../db-health/breaker-for-database.ts";
import { withinDeadline } from "../db-health/within-deadline.ts";
import { measureProjectionLag } from "../projections/projection-lag.ts";
import { allProjections } from "../projections/registry.ts";
import { unguardedProcedure } from "../trpc.ts";

const version = "0.1.0";

/** Health answers within this long even when the database stalls (the probe takes at most breakerTimings.probeTimeoutMs). */
const HEALTH_BUDGET_MS = 1_000;

/**
 * Seed 001's health shape; `degraded` (and HTTP 503, see healthHttpStatus) when the database
 * does not answer. It runs outside the breaker, and asks the breaker rather than the query pool,
 * so it answers within a second during an outage or a network stall.
 */
export const health = unguardedProcedure.output(healthOutput).query(async ({ ctx }) => {
  const started = performance.now();
  const isDatabaseUp = await databaseBreakerFor(ctx.db, ctx.log).check();
  const scheduler = isDatabaseUp
    ? await withinDeadline<"running" | "stopped" | "unknown">(
        liveHolders(ctx.db, "worker:").then((workers) => (workers.length > 0 ? ("running" as const) : ("stopped" as const))),
        (HEALTH_BUDGET_MS - 50 - (performance.now() - started)) / 2,
        "unknown" as const,
      )
    : ("unknown" as const);
  const lagBudget = HEALTH_BUDGET_MS - 50 - (performance.now() - started);
  return {
    status: isDatabaseUp ? ("healthy" as const) : ("degraded" as const),
    uptime: Math.round((ctx.now().getTime() - ctx.startedAt.getTime()) / 1000),
    version,
    services: { database: isDatabaseUp ? ("connected" as const) : ("disconnected" as const), databaseDriver: ctx.db.driver, scheduler },
    projections: isDatabaseUp ? await withinDeadline(measureProjectionLag(ctx.db.orm, allProjections), lagBudget, []) : [],
  };
});
