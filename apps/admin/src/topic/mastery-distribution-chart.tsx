import type { AdminTopicOutput } from "@chronicle/contracts/api";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../ui/chart-frame.tsx";
import { everyLabelAxis } from "../ui/chart-axis.ts";

export function MasteryDistributionChart({ buckets }: { buckets: AdminTopicOutput["masteryDistribution"] }) {
  const learners = buckets.reduce((sum, bucket) => sum + bucket.learners, 0);
  const data = buckets.map((bucket) => ({ ...bucket, range: `${bucket.from.toFixed(1)}–${bucket.to.toFixed(1)}` }));
  return (
    <ChartFrame label={`Mastery scores of ${learners} learners in ten buckets`} isEmpty={learners === 0} emptyMessage="No learner has a mastery score on this topic yet.">
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="range" {...everyLabelAxis} tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={(value) => [String(value), "learners"]} />
        <Bar dataKey="learners" name="learners" fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
