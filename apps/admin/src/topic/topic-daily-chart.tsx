import type { AdminTopicOutput } from "@chronicle/contracts/api";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../ui/chart-frame.tsx";
import { dayAxis } from "../ui/chart-axis.ts";

export function TopicDailyChart({ daily }: { daily: AdminTopicOutput["daily"] }) {
  return (
    <ChartFrame label={`Attempts and correct answers on ${daily.length} days`} isEmpty={daily.length === 0} emptyMessage="No attempts on this topic yet.">
      <BarChart data={daily} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" {...dayAxis} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="attempts" name="Attempts" fill="var(--accent)" isAnimationActive={false} />
        <Bar dataKey="correct" name="Correct" fill="var(--good)" isAnimationActive={false} />
        <Bar dataKey="firstAttemptsCorrect" name="Right first time" fill="var(--marked)" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
