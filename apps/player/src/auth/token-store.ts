import { createTabTokenStore } from "@chronicle/client/auth";

/** The signed-in learner's bearer token, for this tab only. */
export const tokenStore = createTabTokenStore("chronicle.player.token");
