import { adminGameInput, adminGameOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readGameView } from "../../admin/game-view.ts";
import { readWatermark } from "../../admin/read-watermark.ts";
import { aggregateSources } from "../../projections/aggregate-sources.ts";

/** Behavioural features per game session, averaged per student and per day. */
export const game = auditedAdminProcedure
  .input(adminGameInput)
  .output(adminGameOutput)
  .query(async ({ ctx, input }) => {
    // The watermark first: the answer read after it holds at least every event up to it.
    const watermark = await readWatermark(ctx.db.orm, aggregateSources.game);
    return { ...(await readGameView(ctx.db.orm, { ...input, now: ctx.now() })), watermark };
  });
