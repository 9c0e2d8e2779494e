import { TRPCError } from "@trpc/server";
import { ReasonedError } from "../../errors/reasoned-error.ts";
import { publicProcedure, requirePrincipal } from "../../trpc.ts";

/**
 * Seed 004's order of checks: the kill switch first (404 telemetry_disabled), then a
 * viewer (401 no_viewer).
 */
export const countersProcedure = publicProcedure
  .use(({ ctx, next }) => {
  if (!ctx.env.CHRONICLE_COUNTERS_ENABLED) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "Counters are switched off on this server (CHRONICLE_COUNTERS_ENABLED=0).",
      cause: new ReasonedError("telemetry_disabled", "kill switch"),
    });
  }
  return next();
  })
  .use(requirePrincipal);
