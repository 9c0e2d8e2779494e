import { router } from "../../trpc.ts";
import { setDisplayName } from "./set-display-name.ts";

/** What a host product's backend tells Chronicle about its learners. */
export const learnersRouter = router({ setDisplayName });
