import { router } from "../../trpc.ts";
import { ingest } from "./ingest.ts";
import { summary } from "./summary.ts";

export const countersRouter = router({ ingest, summary });
