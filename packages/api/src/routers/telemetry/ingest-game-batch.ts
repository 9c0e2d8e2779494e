import { gameBatchInput, gameBatchOutput } from "@chronicle/contracts";
import { TRPCError } from "@trpc/server";
import { assertBatchWithinLimit } from "../../ingest/batch-limits.ts";
import { gameBatchEventToEnvelope } from "../../ingest/game-batch-to-envelope.ts";
import { ingestDepsOf } from "../../ingest/ingest-deps.ts";
import { ingestEvents } from "../../ingest/ingest-events.ts";
import { serviceProcedure } from "../../trpc.ts";

export const GAME_WRITE_SCOPE = "events:game";

/** Seed 003's batch endpoint for game servers: up to 1000 events onto the same log, plus a batch-log row. */
export const ingestGameBatch = serviceProcedure
  .input(gameBatchInput)
  .output(gameBatchOutput)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.principal.scopes.includes(GAME_WRITE_SCOPE)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This service token's scope does not include ${GAME_WRITE_SCOPE}; issue one with --scope ${GAME_WRITE_SCOPE}.`,
      });
    }
    assertBatchWithinLimit(ctx.principal.role, input.events.length);
    const outcome = await ingestEvents(
      ingestDepsOf(ctx),
      input.events.map((raw) => {
        const mapped = gameBatchEventToEnvelope(raw, input.client_version);
        return { raw, userId: mapped.studentId, validation: mapped.validation };
      }),
      {
        endpoint: "telemetry.ingestGameBatch",
        source: "api",
        submittedBy: ctx.principal.userId,
        clientBatchId: input.batch_id,
        clientVersion: input.client_version,
        emitter: "service",
        allowedFamilies: new Set(["game"]),
      },
    );
    return {
      batch_id: input.batch_id,
      log_id: outcome.batchId,
      accepted: outcome.accepted,
      duplicates: outcome.duplicates,
      rejected: outcome.rejected,
      rejected_reasons_sample: outcome.rejected_reasons_sample,
      results: outcome.results,
    };
  });
