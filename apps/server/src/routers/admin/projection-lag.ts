import { projectionLag } from "@chronicle/contracts";
import { z } from "zod";
import { measureProjectionLag } from "../../projections/projection-lag.ts";
import { allProjections } from "../../projections/registry.ts";
import { adminProcedure } from "../../trpc.ts";

/** How far each aggregate is behind the log, for the admin app's ingestion-health page. */
export const projectionLagQuery = adminProcedure.output(z.array(projectionLag)).query(({ ctx }) => measureProjectionLag(ctx.db.orm, allProjections));
