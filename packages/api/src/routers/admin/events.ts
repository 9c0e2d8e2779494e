import { adminEventsInput, adminEventsOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { exploreEvents } from "../../admin/explore-events.ts";

/** The event explorer: one page of the log, newest first, with a cursor for the next page. */
export const events = auditedAdminProcedure
  .input(adminEventsInput)
  .output(adminEventsOutput)
  .query(({ ctx, input }) => exploreEvents(ctx.db.orm, { filters: input.filters, cursor: input.cursor, limit: input.limit }));
