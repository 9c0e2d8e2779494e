import { QueryCache, QueryClient } from "@tanstack/react-query";
import { tokenStore } from "../auth/token-store.ts";
import { isPermanentFailure, needsSignIn } from "./friendly-error.ts";

/** An expired or non-admin token cannot recover by itself: forget it so the sign-in panel shows. */
function signOutWhenRefused(error: unknown): void {
  if (needsSignIn(error)) tokenStore.clear();
}

export function createAdminQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: signOutWhenRefused }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 2 && !isPermanentFailure(error),
        // Analytics move while staff look at them; a short staleness keeps pages fresh without hammering.
        staleTime: 10_000,
      },
    },
  });
}
