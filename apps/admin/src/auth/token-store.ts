import { createTabTokenStore } from "@chronicle/client/auth";

/** The signed-in admin's bearer token, for this tab only. */
export const tokenStore = createTabTokenStore("chronicle.admin.token");
