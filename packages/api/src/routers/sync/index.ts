import { router } from "../../trpc.ts";
import { batch } from "./batch.ts";
import { status } from "./status.ts";

export const syncRouter = router({ batch, status });
