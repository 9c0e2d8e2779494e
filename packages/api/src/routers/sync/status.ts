import { syncStatusInput, syncStatusOutput } from "@chronicle/contracts";
import { syncStatusOf } from "../../sync/sync-status.ts";
import { learnerProcedure } from "../../trpc.ts";

/** Seed 001's `GET /api/telemetry/status` for the calling learner. */
export const status = learnerProcedure
  .input(syncStatusInput)
  .output(syncStatusOutput)
  .query(({ ctx, input }) => syncStatusOf(ctx.db.orm, ctx.principal.userId, input.pendingItems));
