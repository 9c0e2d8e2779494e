import { router } from "../../trpc.ts";
import { registerCatalog } from "./register-catalog.ts";

/** What a study app's backend tells Chronicle about its content. */
export const studyRouter = router({ registerCatalog });
