import { useProfile } from "./use-profile.ts";

/** XP, level and streak; the strip is a nicety, so while it loads or when it fails it shows nothing. */
export function ProfileStrip() {
  const profile = useProfile();
  if (!profile.data) return null;
  const { level, totalXp, xpToNextLevel, currentStreak } = profile.data;
  return (
    <dl className="profile-strip" aria-label="Your progress">
      <div>
        <dt>Level</dt>
        <dd>{level}</dd>
      </div>
      <div>
        <dt>XP</dt>
        <dd title={xpToNextLevel > 0 ? `${xpToNextLevel} XP to the next level` : "Top level reached"}>{totalXp}</dd>
      </div>
      <div>
        <dt>Streak</dt>
        <dd>
          {currentStreak} {currentStreak === 1 ? "day" : "days"}
        </dd>
      </div>
    </dl>
  );
}
