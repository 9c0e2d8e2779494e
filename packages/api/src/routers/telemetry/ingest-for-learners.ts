import { ingestBatchOutput, serviceIngestInput, validateClientEvent } from "@chronicle/contracts";
import { TRPCError } from "@trpc/server";
import { familiesOfScopes } from "../../auth/principal.ts";
import { assertBatchWithinLimit } from "../../ingest/batch-limits.ts";
import { ingestDepsOf } from "../../ingest/ingest-deps.ts";
import { ingestEvents } from "../../ingest/ingest-events.ts";
import { serviceProcedure } from "../../trpc.ts";
import { splitLearnerEvent } from "./split-learner-event.ts";

/**
 * The service form of ingest: a backend (seed 002's study backend, an exam or sync server)
 * writes events for its learners, naming the learner per event in `user_id`. It runs the same
 * pipeline as telemetry.ingest, and the ownership rules hold per learner: a session belongs to
 * the learner who first used it, exam events need the learner's own server-created session.
 * The token's `events:<family>` scopes decide the families; the rest are refused with
 * scope_denied. Besides the client events, it may send the events a service emits
 * (ai_response_received).
 */
export const ingestForLearners = serviceProcedure
  .input(serviceIngestInput)
  .output(ingestBatchOutput)
  .mutation(async ({ ctx, input }) => {
    const families = familiesOfScopes(ctx.principal.scopes);
    if (families.size === 0) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "This service token has no events:<family> scope; issue one with --scope events:study (or events:exam, events:sync, events:game).",
      });
    }
    assertBatchWithinLimit(ctx.principal.role, input.events.length);
    const outcome = await ingestEvents(
      ingestDepsOf(ctx),
      input.events.map((raw) => {
        const { userId, envelope } = splitLearnerEvent(raw);
        return { raw, userId, validation: validateClientEvent(envelope) };
      }),
      {
        endpoint: "telemetry.ingestForLearners",
        source: input.source,
        submittedBy: ctx.principal.userId,
        emitter: "service",
        onBehalfOfLearners: true,
        allowedFamilies: families,
      },
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
