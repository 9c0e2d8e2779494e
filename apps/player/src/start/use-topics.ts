import { useQuery } from "@tanstack/react-query";
import { chronicleApi } from "../api/chronicle-api.ts";
import { queryKeys } from "../api/query-keys.ts";

export function useTopics() {
  return useQuery({
    queryKey: queryKeys.topics,
    queryFn: () => chronicleApi.sessions.topics.query(),
    // The bank changes only when an operator loads questions.
    staleTime: 10 * 60_000,
  });
}
