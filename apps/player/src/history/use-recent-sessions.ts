import { useQuery } from "@tanstack/react-query";
import { chronicleApi } from "../api/chronicle-api.ts";
import { queryKeys } from "../api/query-keys.ts";

export function useRecentSessions() {
  return useQuery({ queryKey: queryKeys.recent, queryFn: () => chronicleApi.sessions.recent.query(), staleTime: 0 });
}
