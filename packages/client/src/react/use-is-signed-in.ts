import { useSyncExternalStore } from "react";
import type { TabTokenStore } from "../auth/tab-token-store.ts";

/** Re-renders when the user signs in or out (an expired or refused token clears the store). */
export function useIsSignedIn(store: TabTokenStore): boolean {
  return useSyncExternalStore(store.subscribe, () => store.read() !== null);
}
