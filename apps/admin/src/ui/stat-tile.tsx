import type { ReactNode } from "react";

interface StatTileProps {
  label: string;
  value: ReactNode;
  hint?: string;
  isWarning?: boolean;
}

/** One headline number with its label; a warning tile is marked in colour and in words. */
export function StatTile({ label, value, hint, isWarning = false }: StatTileProps) {
  return (
    <div className={isWarning ? "stat-tile is-warning" : "stat-tile"}>
      <dt>{label}</dt>
      <dd>
        {value}
        {isWarning && <span className="visually-hidden"> (above its alert threshold)</span>}
        {/* Inside the dd: a <dl>'s groups may hold only dt and dd (axe: definition-list). */}
        {hint && <small className="stat-hint">{hint}</small>}
      </dd>
    </div>
  );
}
