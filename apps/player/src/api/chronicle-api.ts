import { createChronicleClient } from "@chronicle/client";
import { tokenStore } from "../auth/token-store.ts";

/** The typed client for every procedure; the player is served by the same origin as the API. */
export const chronicleApi = createChronicleClient({
  url: window.location.origin,
  token: () => tokenStore.read() ?? "",
});
