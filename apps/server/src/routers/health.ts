import { healthOutput } from "@chronicle/contracts";
import { measureProjectionLag } from "../projections/projection-lag.ts";
import { allProjections } from "../projections/registry.ts";
import { publicProcedure } from "../trpc.ts";

const version = "0.1.0";

/** Seed 001's health shape; `degraded` when the database does not answer. */
export const health = publicProcedure.output(healthOutput).query(async ({ ctx }) => {
  const isDatabaseUp = await ctx.db.ping();
  return {
    status: isDatabaseUp ? ("healthy" as const) : ("degraded" as const),
    uptime: Math.round((ctx.now().getTime() - ctx.startedAt.getTime()) / 1000),
    version,
    services: { database: isDatabaseUp ? ("connected" as const) : ("disconnected" as const), databaseDriver: ctx.db.driver },
    projections: isDatabaseUp ? await measureProjectionLag(ctx.db.orm, allProjections) : [],
  };
});
