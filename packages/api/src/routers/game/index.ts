import { router } from "../../trpc.ts";
import { closeSession } from "./close-session.ts";
import { features } from "./features.ts";

export const gameRouter = router({ closeSession, features });
