import type { AdminIngestionHealthOutput } from "@chronicle/contracts/api";
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../ui/chart-frame.tsx";
import { formatDecimal, formatTime } from "../ui/format.ts";

/** Events per second in each bucket of the window. */
export function ThroughputChart({ buckets }: { buckets: AdminIngestionHealthOutput["throughput"] }) {
  const data = buckets.map((bucket) => ({ ...bucket, time: formatTime(bucket.start).slice(11, 16) }));
  const peak = Math.max(0, ...buckets.map((bucket) => bucket.eventsPerSecond));
  return (
    <ChartFrame
      label={`Events per second over the window, peaking at ${formatDecimal(peak)}`}
      isEmpty={buckets.every((bucket) => bucket.events === 0)}
      emptyMessage="No events arrived in this window."
    >
      <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="time" minTickGap={24} />
        <YAxis allowDecimals />
        <Tooltip formatter={(value) => [formatDecimal(Number(value)), "events/s"]} labelFormatter={(label) => `${String(label)} UTC`} />
        <Area type="monotone" dataKey="eventsPerSecond" name="events/s" stroke="var(--accent)" fill="var(--accent-soft)" isAnimationActive={false} />
      </AreaChart>
    </ChartFrame>
  );
}
