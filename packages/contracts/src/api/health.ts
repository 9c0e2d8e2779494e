import { z } from "zod";

/** Seed 001's health shape: status, uptime in seconds, and the state of each service. */
export const healthOutput = z.object({
  status: z.enum(["healthy", "degraded"]),
  uptime: z.number(),
  version: z.string(),
  services: z.object({
    database: z.enum(["connected", "disconnected"]),
    databaseDriver: z.enum(["pglite", "postgres"]),
  }),
});
export type HealthOutput = z.infer<typeof healthOutput>;
