import type { AdminIngestionHealthOutput } from "@chronicle/contracts/api";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../ui/chart-frame.tsx";
import { formatCount, formatMs } from "../ui/format.ts";

/** The bucket the server keeps back-dated events in (client time an hour or more before arrival). */
const BACKDATED_PREFIX = ">= 1h";

/**
 * Percentiles of live-sent events, with back-dated ones (offline queues, imports, the demo's history)
 * counted apart, so a day of imported history is not read as a fleet of broken clocks.
 */
export function ClockSkewSummary({ skew }: { skew: AdminIngestionHealthOutput["clockSkew"] }) {
  const backdated = skew.histogram.find((bucket) => bucket.label.startsWith(BACKDATED_PREFIX))?.count ?? 0;
  return (
    <p className="hint">
      Live-sent events: p50 {formatMs(skew.percentilesMs.p50)} · p95 {formatMs(skew.percentilesMs.p95)} · p99 {formatMs(skew.percentilesMs.p99)}
      {backdated > 0 && (
        <>
          <br />
          {formatCount(backdated)} back-dated event{backdated === 1 ? "" : "s"} (client time an hour or more before arrival: offline queues, imports, simulated history) are
          counted apart.
        </>
      )}
    </p>
  );
}

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
