import type { ReactNode } from "react";

/** A row of StatTiles as one description list, so each number is read with its label. */
export function StatGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <dl className="stat-grid" aria-label={label}>
      {children}
    </dl>
  );
}
