import type { AdminLearnerOutput } from "@chronicle/contracts/api";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../ui/chart-frame.tsx";
import { dayAxis } from "../ui/chart-axis.ts";

export function LearnerWeeklyChart({ weekly }: { weekly: AdminLearnerOutput["weekly"] }) {
  const data = weekly.map((week) => ({ ...week, studyMinutes: Math.round(week.studySeconds / 60) }));
  return (
    <ChartFrame label={`Weekly activity over ${weekly.length} weeks`} isEmpty={weekly.length === 0} emptyMessage="No weekly activity yet.">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="weekStart" {...dayAxis} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Line type="stepAfter" dot dataKey="questionsAttempted" name="Attempted" stroke="var(--accent)" isAnimationActive={false} />
        <Line type="stepAfter" dot dataKey="activeDays" name="Active days" stroke="var(--good)" isAnimationActive={false} />
        <Line type="stepAfter" dot dataKey="studyMinutes" name="Study minutes" stroke="var(--marked)" isAnimationActive={false} />
        <Line type="stepAfter" dot dataKey="xpEarned" name="XP" stroke="var(--muted)" isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
