import { adminGameInput, adminGameOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readGameView } from "../../admin/game-view.ts";

/** Behavioural features per game session, averaged per student and per day. */
export const game = auditedAdminProcedure
  .input(adminGameInput)
  .output(adminGameOutput)
  .query(({ ctx, input }) => readGameView(ctx.db.orm, { ...input, now: ctx.now() }));
