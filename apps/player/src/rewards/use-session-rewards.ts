import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { queryKeys } from "../api/query-keys.ts";
import { fetchProfile } from "../profile/fetch-profile.ts";
import { readRewardsSnapshot } from "./rewards-snapshot.ts";

/** XP is awarded by the projections a moment after the submit; the results ask again for this long. */
const POLL_MS = 1000;
const GIVE_UP_AFTER_POLLS = 15;

export interface SessionRewards {
  xpGained: number;
  unlocked: { id: string; name: string }[];
}

/**
 * What this test earned: the profile now minus the snapshot taken just before the submit.
 * Null when there is no snapshot (the results were opened later) or nothing has arrived yet.
 */
export function useSessionRewards(sessionId: string): SessionRewards | null {
  const [before] = useState(() => readRewardsSnapshot(sessionId));
  const profile = useQuery({
    queryKey: queryKeys.profile,
    queryFn: fetchProfile,
    enabled: before !== null,
    staleTime: 0,
    refetchInterval: (query) => {
      const totalXp = query.state.data?.totalXp;
      const arrived = before !== null && totalXp !== undefined && totalXp > before.totalXp;
      return arrived || query.state.dataUpdateCount >= GIVE_UP_AFTER_POLLS ? false : POLL_MS;
    },
  });
  if (!before || !profile.data || profile.data.totalXp <= before.totalXp) return null;
  const known = new Set(before.achievementIds);
  return {
    xpGained: profile.data.totalXp - before.totalXp,
    unlocked: profile.data.achievements.filter((achievement) => !known.has(achievement.id)).map(({ id, name }) => ({ id, name })),
  };
}
