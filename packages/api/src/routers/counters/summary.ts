import { counterSummaryInput, counterSummaryOutput } from "@chronicle/contracts";
import { summarizeCounts } from "../../counters/summarize-counts.ts";
import { countersProcedure } from "./counters-procedure.ts";

export const summary = countersProcedure
  .input(counterSummaryInput)
  .output(counterSummaryOutput)
  .query(async ({ ctx, input }) => ({
    ok: true as const,
    days: input.days,
    counts: await summarizeCounts(ctx.db, ctx.principal.userId, input.days, ctx.now()),
  }));
