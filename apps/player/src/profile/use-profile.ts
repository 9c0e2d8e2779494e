import { useQuery } from "@tanstack/react-query";
import { chronicleApi } from "../api/chronicle-api.ts";
import { queryKeys } from "../api/query-keys.ts";

/** The learner's XP, level and streak; one cached query for the header, start screen and results. */
export function useProfile() {
  return useQuery({
    queryKey: queryKeys.profile,
    queryFn: () => chronicleApi.gamification.profile.query(),
    retry: false,
  });
}
