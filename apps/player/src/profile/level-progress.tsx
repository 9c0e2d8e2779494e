import { useId } from "react";
import { levelSpan } from "./level-span.ts";
import { useProfile } from "./use-profile.ts";

/** A bar of the XP earned toward the next level; like the header strip, it shows nothing while the profile loads or fails. */
export function LevelProgress() {
  const profile = useProfile();
  const labelId = useId();
  if (!profile.data) return null;
  const { level, gained, span, xpToNextLevel } = levelSpan(profile.data);
  if (span === 0) {
    return (
      <p className="level-progress">
        Level {level}: the top level, reached.
      </p>
    );
  }
  return (
    <div className="level-progress">
      <p id={labelId}>
        Level {level} · {gained} of {span} XP toward level {level + 1}
        <span className="hint"> ({xpToNextLevel} to go)</span>
      </p>
      <progress max={span} value={gained} aria-labelledby={labelId} />
    </div>
  );
}
