import { adminSessionTimelineInput, adminSessionTimelineOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readSessionTimeline } from "../../admin/session-timeline.ts";

/** One session's events in client order, with gaps in the client seq and its completeness. */
export const sessionTimeline = auditedAdminProcedure
  .input(adminSessionTimelineInput)
  .output(adminSessionTimelineOutput)
  .query(({ ctx, input }) => readSessionTimeline(ctx.db.orm, input.sessionId));
