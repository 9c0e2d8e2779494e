import type { AdminLearnerOutput } from "@chronicle/contracts/api";
import { EmptyState } from "../ui/empty-state.tsx";
import { formatCount } from "../ui/format.ts";
import { StatGrid } from "../ui/stat-grid.tsx";
import { StatTile } from "../ui/stat-tile.tsx";

export function GamificationTiles({ gamification }: { gamification: AdminLearnerOutput["gamification"] }) {
  if (!gamification) return <EmptyState message="This learner has no XP, level or streak yet." />;
  return (
    <>
      <StatGrid label="XP, level and streak">
        <StatTile label="Total XP" value={formatCount(gamification.totalXp)} />
        <StatTile label="Level" value={formatCount(gamification.level)} />
        <StatTile label="Current streak" value={`${formatCount(gamification.currentStreak)} d`} hint={gamification.lastCheckinDay ? `last check-in ${gamification.lastCheckinDay}` : undefined} />
        <StatTile label="Longest streak" value={`${formatCount(gamification.longestStreak)} d`} />
      </StatGrid>
      <p className="hint">Achievements: {gamification.achievements.length ? gamification.achievements.join(", ") : "none yet"}.</p>
    </>
  );
}
