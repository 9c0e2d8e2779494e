import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { tokenStore } from "../auth/token-store.ts";
import { isPermanentFailure, isUnauthorized } from "./friendly-error.ts";

/** An expired or foreign token cannot recover by itself: forget it so the sign-in panel shows. */
function signOutWhenUnauthorized(error: unknown): void {
  if (isUnauthorized(error)) tokenStore.clear();
}

export function createPlayerQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: signOutWhenUnauthorized }),
    mutationCache: new MutationCache({ onError: signOutWhenUnauthorized }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 2 && !isPermanentFailure(error),
        // A test's state changes only through the learner's own actions, which update the cache.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
