import type { AdminCountersOutput } from "@chronicle/contracts/api";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../ui/chart-frame.tsx";
import { slantedLabelAxis } from "../ui/chart-axis.ts";

export function CounterCountsChart({ counts }: { counts: AdminCountersOutput["counts"] }) {
  const data = Object.entries(counts).map(([event, count]) => ({ event: event.replace(/^suggestion_/, ""), count }));
  const total = data.reduce((sum, row) => sum + row.count, 0);
  return (
    <ChartFrame label={`Raw counter totals, ${total} in all`} isEmpty={total === 0} emptyMessage="No counter was recorded in this window.">
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="event" {...slantedLabelAxis} />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={(value) => [String(value), "count"]} />
        <Bar dataKey="count" name="count" fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
