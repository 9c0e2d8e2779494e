import { useSyncExternalStore } from "react";
import { tokenStore } from "./token-store.ts";

/** Re-renders when the learner signs in or out (an expired token clears the store). */
export function useIsSignedIn(): boolean {
  return useSyncExternalStore(tokenStore.subscribe, () => tokenStore.read() !== null);
}
