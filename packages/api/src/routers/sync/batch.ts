import { syncBatchInput, syncBatchOutput } from "@chronicle/contracts";
import { ingestDepsOf } from "../../ingest/ingest-deps.ts";
import { syncBatch } from "../../sync/sync-batch.ts";
import { learnerProcedure } from "../../trpc.ts";

/** Seed 001's `POST /api/telemetry/batch`: the server's conflict strategy unless the batch names one. */
export const batch = learnerProcedure
  .input(syncBatchInput)
  .output(syncBatchOutput)
  .mutation(({ ctx, input }) =>
    syncBatch(ingestDepsOf(ctx), ctx.principal.userId, input, input.conflictStrategy ?? ctx.env.CHRONICLE_SYNC_CONFLICT_STRATEGY),
  );
