/**
 * Where a learner stands within their level. Level n starts at 50 · n · (n − 1) total XP
 * (docs/gamification.md); the next level's start is what the profile says is still needed.
 */
export interface LevelSpan {
  level: number;
  /** XP earned since this level started. */
  gained: number;
  /** XP this level spans, start to next; 0 at the top level. */
  span: number;
  xpToNextLevel: number;
}

export function levelSpan(profile: { level: number; totalXp: number; xpToNextLevel: number }): LevelSpan {
  const levelStart = 50 * profile.level * (profile.level - 1);
  const gained = Math.max(0, profile.totalXp - levelStart);
  const span = profile.xpToNextLevel > 0 ? gained + profile.xpToNextLevel : 0;
  return { level: profile.level, gained, span, xpToNextLevel: profile.xpToNextLevel };
}
