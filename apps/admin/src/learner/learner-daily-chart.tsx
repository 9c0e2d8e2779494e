import type { AdminLearnerOutput } from "@chronicle/contracts/api";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../ui/chart-frame.tsx";
import { dayAxis } from "../ui/chart-axis.ts";

export function LearnerDailyChart({ daily }: { daily: AdminLearnerOutput["daily"] }) {
  return (
    <ChartFrame label={`Questions attempted and correct on ${daily.length} active days`} isEmpty={daily.length === 0} emptyMessage="No daily activity yet.">
      <BarChart data={daily} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" {...dayAxis} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="questionsAttempted" name="Attempted" fill="var(--accent)" isAnimationActive={false} />
        <Bar dataKey="questionsCorrect" name="Correct" fill="var(--good)" isAnimationActive={false} />
        <Bar dataKey="eventsCount" name="Events" fill="var(--muted)" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
