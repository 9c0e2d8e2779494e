import type { GamificationProfileOutput } from "@chronicle/contracts";
import { chronicleApi } from "../api/chronicle-api.ts";
import { tokenStore } from "../auth/token-store.ts";
import { learnerSubject } from "../sync/learner-subject.ts";

interface KnownCheckin {
  /** Whose check-in it was: another learner signing in to this tab must not inherit it. */
  subject?: string | null;
  checkinDay: string;
  currentStreak: number;
  longestStreak: number;
}

let latestCheckin: KnownCheckin | null = null;

/** The check-in's own answer, which is current at once; the profile catches up when its projection has run. */
export function rememberCheckin(checkin: KnownCheckin): void {
  latestCheckin = { ...checkin, subject: learnerSubject(tokenStore.read()) };
}

/**
 * The learner's profile. The projections update it a moment after a check-in, so a profile read
 * just after one can still show yesterday's streak; the check-in's answer then wins until they catch up.
 */
export async function fetchProfile(): Promise<GamificationProfileOutput> {
  const profile = await chronicleApi.gamification.profile.query();
  const checkin = latestCheckin;
  if (!checkin || checkin.subject !== learnerSubject(tokenStore.read()) || (profile.lastCheckinDay !== null && profile.lastCheckinDay >= checkin.checkinDay)) return profile;
  return {
    ...profile,
    currentStreak: checkin.currentStreak,
    longestStreak: Math.max(profile.longestStreak, checkin.longestStreak),
    lastCheckinDay: checkin.checkinDay,
  };
}
