import { counterEventName, counterEventNames, counterIngestInput, counterIngestOutput } from "@chronicle/contracts";
import { TRPCError } from "@trpc/server";
import { recordCounts } from "../../counters/record-counts.ts";
import { ReasonedError } from "../../errors/reasoned-error.ts";
import { countersProcedure } from "./counters-procedure.ts";

export const ingest = countersProcedure
  .input(counterIngestInput)
  .output(counterIngestOutput)
  .mutation(async ({ ctx, input }) => {
    const event = counterEventName.safeParse(input.event);
    if (!event.success) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `Counter event '${input.event}' is not one of ${counterEventNames.join(", ")}.`,
        cause: new ReasonedError("invalid_event", "unknown counter event"),
      });
    }
    await recordCounts(ctx.db, ctx.principal.userId, event.data, input.count, ctx.now());
    return { ok: true as const, stored: input.count };
  });
