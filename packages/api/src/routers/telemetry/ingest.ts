import { ingestBatchInput, ingestBatchOutput, validateClientEvent } from "@chronicle/contracts";
import { assertBatchWithinLimit } from "../../ingest/batch-limits.ts";
import { ingestDepsOf } from "../../ingest/ingest-deps.ts";
import { ingestEvents } from "../../ingest/ingest-events.ts";
import { learnerProcedure } from "../../trpc.ts";

/** Seed 000's batch endpoint: each event is accepted, a duplicate, or rejected on its own. */
export const ingest = learnerProcedure
  .input(ingestBatchInput)
  .output(ingestBatchOutput)
  .mutation(async ({ ctx, input }) => {
    assertBatchWithinLimit(ctx.principal.role, input.events.length);
    const userId = ctx.principal.userId;
    const outcome = await ingestEvents(
      ingestDepsOf(ctx),
      input.events.map((raw) => ({ raw, userId, validation: validateClientEvent(raw) })),
      { endpoint: "telemetry.ingest", source: input.source, submittedBy: userId, emitter: "client" },
    );
    return {
      batch_id: outcome.batchId,
      accepted: outcome.accepted,
      duplicates: outcome.duplicates,
      rejected: outcome.rejected,
      rejected_reasons_sample: outcome.rejected_reasons_sample,
      results: outcome.results,
    };
  });
