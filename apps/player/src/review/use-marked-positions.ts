import { useQuery } from "@tanstack/react-query";
import { chronicleApi } from "../api/chronicle-api.ts";
import { queryKeys } from "../api/query-keys.ts";
import type { LoadedSession } from "../session/use-player-session.ts";

/**
 * The questions the learner marked for review. The review answer does not carry marks; the session
 * itself does (also once submitted), and it is usually still cached from the test.
 */
export function useMarkedPositions(sessionId: string): ReadonlySet<number> {
  const session = useQuery({
    queryKey: queryKeys.session(sessionId),
    queryFn: async (): Promise<LoadedSession> => ({ view: await chronicleApi.sessions.get.query({ sessionId }), fetchedAt: Date.now() }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return new Set(session.data?.view.questions.filter((question) => question.marked).map((question) => question.position) ?? []);
}
