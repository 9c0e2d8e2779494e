import { gameFeaturesInput, gameFeaturesOutput } from "@chronicle/contracts";
import { TRPCError } from "@trpc/server";
import { assertMayReadGameFeatures } from "../../game/authorize-game-session.ts";
import { readStoredFeatures } from "../../game/stored-features.ts";
import { authedProcedure } from "../../trpc.ts";
import { readWatermark } from "../../admin/read-watermark.ts";
import { aggregateSources } from "../../projections/aggregate-sources.ts";

/** The behavioural features stored for one closed game session, for staff and game servers. */
export const features = authedProcedure
  .input(gameFeaturesInput)
  .output(gameFeaturesOutput)
  .query(async ({ ctx, input }) => {
    assertMayReadGameFeatures(ctx.principal);
    const watermark = await readWatermark(ctx.db.orm, aggregateSources.gameFeatures);
    const stored = await readStoredFeatures(ctx.db.orm, input.sessionId);
    if (!stored) {
      throw new TRPCError({
        code: "NOT_FOUND",
        message: `Game session '${input.sessionId}' has no behavioural features yet; close it with game.closeSession first.`,
      });
    }
    return {
      session_id: stored.sessionId,
      student_id: stored.studentId,
      closed_at: stored.closedAt,
      formula_version: stored.formulaVersion,
      features: stored.features,
      inputs: stored.inputs,
      watermark,
    };
  });
