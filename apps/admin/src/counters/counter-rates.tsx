import type { AdminCountersOutput } from "@chronicle/contracts/api";
import { formatPercent } from "../ui/format.ts";
import { StatGrid } from "../ui/stat-grid.tsx";
import { StatTile } from "../ui/stat-tile.tsx";

/** Seed 004's derived rates: each outcome per suggestion shown. */
export function CounterRates({ summary }: { summary: AdminCountersOutput }) {
  const shown = summary.counts.suggestion_shown ?? 0;
  const hint = shown === 0 ? "nothing shown yet" : `per ${shown} shown`;
  return (
    <StatGrid label="Rates per suggestion shown">
      <StatTile label="Accept rate" value={formatPercent(summary.rates.accept)} hint={hint} />
      <StatTile label="Skip rate" value={formatPercent(summary.rates.skip)} hint={hint} />
      <StatTile label="Edit rate" value={formatPercent(summary.rates.edit)} hint={hint} />
      <StatTile label="Undo rate" value={formatPercent(summary.rates.undo)} hint={hint} />
    </StatGrid>
  );
}
