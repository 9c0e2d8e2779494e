import type { SessionRewards } from "./use-session-rewards.ts";

/** "+40 XP" and any achievement this test unlocked; a polite live region, so it is read out when it arrives. */
export function RewardsBanner({ rewards }: { rewards: SessionRewards | null }) {
  return (
    <div className="rewards-banner" role="status" aria-live="polite">
      {rewards && (
        <>
          <p className="xp-gained">+{rewards.xpGained} XP</p>
          {rewards.unlocked.map((achievement) => (
            <p key={achievement.id} className="achievement-unlocked">
              Achievement unlocked: <strong>{achievement.name}</strong>
            </p>
          ))}
        </>
      )}
    </div>
  );
}
