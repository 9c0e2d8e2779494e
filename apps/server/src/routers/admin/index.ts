import { router } from "../../trpc.ts";
import { projectionLagQuery } from "./projection-lag.ts";

export const adminRouter = router({ projectionLag: projectionLagQuery });
