import type { SessionView } from "@chronicle/contracts";
import { useQuery } from "@tanstack/react-query";
import { chronicleApi } from "../api/chronicle-api.ts";
import { queryKeys } from "../api/query-keys.ts";

/** The session as last read, with when it was read: the countdown runs from the server's secondsLeft, not the local clock. */
export interface LoadedSession {
  view: SessionView;
  fetchedAt: number;
}

export function usePlayerSession(sessionId: string) {
  return useQuery({
    queryKey: queryKeys.session(sessionId),
    queryFn: async (): Promise<LoadedSession> => ({ view: await chronicleApi.sessions.get.query({ sessionId }), fetchedAt: Date.now() }),
    // Answers update the cache directly; refetching would restart the countdown's reference point for nothing.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
