import { adminIngestionHealthInput, adminIngestionHealthOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readIngestionHealth } from "../../admin/ingestion-health.ts";
import { allProjections } from "../../projections/registry.ts";

/** Seed 000's ingestion metrics and alerts over the last `windowMinutes`. */
export const ingestionHealth = auditedAdminProcedure
  .input(adminIngestionHealthInput)
  .output(adminIngestionHealthOutput)
  .query(({ ctx, input }) => readIngestionHealth(ctx.db, allProjections, { windowMinutes: input.windowMinutes, bucketSeconds: input.bucketSeconds, now: ctx.now() }));
