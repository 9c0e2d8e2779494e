import type { GamificationProfileOutput } from "@chronicle/contracts";

/** What the learner had before a submit, so the results can say what this test earned. */
export interface RewardsSnapshot {
  totalXp: number;
  achievementIds: string[];
}

const keyFor = (sessionId: string) => `chronicle:rewards-before:${sessionId}`;

export function saveRewardsSnapshot(sessionId: string, profile: GamificationProfileOutput): void {
  const snapshot: RewardsSnapshot = { totalXp: profile.totalXp, achievementIds: profile.achievements.map((achievement) => achievement.id) };
  try {
    window.sessionStorage.setItem(keyFor(sessionId), JSON.stringify(snapshot));
  } catch {
    // Storage full or blocked: the results simply do not show the XP line.
  }
}

export function readRewardsSnapshot(sessionId: string): RewardsSnapshot | null {
  try {
    const text = window.sessionStorage.getItem(keyFor(sessionId));
    return text ? (JSON.parse(text) as RewardsSnapshot) : null;
  } catch {
    return null;
  }
}
