import { z } from "zod";

export const projectionLag = z.object({
  name: z.string(),
  /** Counted up to a cap (see pendingCapped), so a far-behind projection stays cheap to report. */
  pendingEvents: z.int(),
  /** True when more events are pending than pendingEvents says. */
  pendingCapped: z.boolean(),
  lagSeconds: z.number(),
  /** When the oldest pending event was received (ISO, UTC); null when caught up. */
  oldestPendingAt: z.string().nullable(),
  eventsApplied: z.int(),
});
export type ProjectionLag = z.infer<typeof projectionLag>;

/** Seed 001's health shape: status, uptime in seconds, the state of each service, and projection lag. */
export const healthOutput = z.object({
  status: z.enum(["healthy", "degraded"]),
  uptime: z.number(),
  version: z.string(),
  services: z.object({
    database: z.enum(["connected", "disconnected"]),
    databaseDriver: z.enum(["pglite", "postgres"]),
    /**
     * Seed 001's scheduler: `running` while some worker of the cluster (this process or another)
     * runs projections and jobs, `stopped` when none does, `unknown` while the database is down.
     * Chronicle keeps no cache, so seed 001's `cache` field has nothing to report.
     */
    scheduler: z.enum(["running", "stopped", "unknown"]),
  }),
  projections: z.array(projectionLag),
});
export type HealthOutput = z.infer<typeof healthOutput>;
