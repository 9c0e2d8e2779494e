import type { AdminIngestionHealthOutput } from "@chronicle/contracts/api";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../ui/chart-frame.tsx";

/** How many batches carried 1, 2–9, … events: single-event and at-limit spikes are seed 000's anomalies. */
export function BatchSizeChart({ buckets }: { buckets: AdminIngestionHealthOutput["batchSizes"] }) {
  const total = buckets.reduce((sum, bucket) => sum + bucket.batches, 0);
  return (
    <ChartFrame label={`Batch sizes of ${total} batches`} isEmpty={total === 0} emptyMessage="No batches arrived in this window.">
      <BarChart data={buckets} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={(value) => [String(value), "batches"]} labelFormatter={(label) => `${String(label)} events per batch`} />
        <Bar dataKey="batches" name="batches" fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
