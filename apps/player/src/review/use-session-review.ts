import { useQuery } from "@tanstack/react-query";
import { chronicleApi } from "../api/chronicle-api.ts";
import { queryKeys } from "../api/query-keys.ts";

/** The server records REVIEW_OPENED on each read, so the review is read once per visit. */
export function useSessionReview(sessionId: string) {
  return useQuery({
    queryKey: queryKeys.review(sessionId),
    queryFn: () => chronicleApi.sessions.review.query({ sessionId }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
