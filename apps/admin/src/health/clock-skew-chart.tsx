import type { AdminIngestionHealthOutput } from "@chronicle/contracts/api";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../ui/chart-frame.tsx";

/** event_ts − client_ts: positive when the client's clock is behind or the event waited in a queue. */
export function ClockSkewChart({ skew }: { skew: AdminIngestionHealthOutput["clockSkew"] }) {
  return (
    <ChartFrame label={`Clock skew of ${skew.sampleSize} events`} isEmpty={skew.sampleSize === 0} emptyMessage="No event in this window carried a client time.">
      <BarChart data={skew.histogram} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={(value) => [String(value), "events"]} />
        <Bar dataKey="count" name="events" fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
