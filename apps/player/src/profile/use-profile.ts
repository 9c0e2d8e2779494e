import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys.ts";
import { fetchProfile } from "./fetch-profile.ts";

/** The learner's XP, level and streak; one cached query for the header, start screen and results. */
export function useProfile() {
  return useQuery({
    queryKey: queryKeys.profile,
    queryFn: fetchProfile,
    retry: false,
  });
}
