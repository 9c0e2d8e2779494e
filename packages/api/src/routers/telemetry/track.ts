import { trackEventInput, trackEventOutput, validateClientEvent } from "@chronicle/contracts";
import { ingestDepsOf } from "../../ingest/ingest-deps.ts";
import { ingestEvents } from "../../ingest/ingest-events.ts";
import { learnerProcedure } from "../../trpc.ts";

/** Seed 001's single-event endpoint, answering in its `{success, data}` shape. */
export const track = learnerProcedure
  .input(trackEventInput)
  .output(trackEventOutput)
  .mutation(async ({ ctx, input }) => {
    const userId = ctx.principal.userId;
    const outcome = await ingestEvents(ingestDepsOf(ctx), [{ raw: input.event, userId, validation: validateClientEvent(input.event) }], {
      endpoint: "telemetry.track",
      source: input.source,
      submittedBy: userId,
      emitter: "client",
    });
    const result = outcome.results[0]!;
    return {
      success: result.status !== "rejected",
      data: { eventId: result.id, serverTimestamp: ctx.now().toISOString(), status: result.status },
      result,
    };
  });
