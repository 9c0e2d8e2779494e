import { useSyncExternalStore } from "react";
import { tokenStore } from "./token-store.ts";

/** Re-renders when the admin signs in or out (an expired or non-admin token clears the store). */
export function useIsSignedIn(): boolean {
  return useSyncExternalStore(tokenStore.subscribe, () => tokenStore.read() !== null);
}
