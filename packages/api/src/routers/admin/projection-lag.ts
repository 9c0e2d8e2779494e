import { projectionLag } from "@chronicle/contracts";
import { z } from "zod";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { measureProjectionLag } from "../../projections/projection-lag.ts";
import { allProjections } from "../../projections/registry.ts";

/** How far each aggregate is behind the log, for the admin app's ingestion-health page. */
export const projectionLagQuery = auditedAdminProcedure.output(z.array(projectionLag)).query(({ ctx }) => measureProjectionLag(ctx.db.orm, allProjections));
