import { router } from "../../trpc.ts";
import { checkin } from "./checkin.ts";
import { profile } from "./profile.ts";

export const gamificationRouter = router({ checkin, profile });
