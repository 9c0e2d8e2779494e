import type { AdminGameOutput } from "@chronicle/contracts/api";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../ui/chart-frame.tsx";
import { dayAxis } from "../ui/chart-axis.ts";

/** The 0..1 features share one axis, so their daily averages can be read against each other. */
const rateFeatures = [
  { key: "task_completion_rate", label: "Task completion", colour: "var(--accent)" },
  { key: "time_efficiency", label: "Time efficiency", colour: "var(--good)" },
  { key: "recovery_rate", label: "Recovery", colour: "var(--marked)" },
  { key: "distraction_resistance", label: "Distraction resistance", colour: "var(--muted)" },
] as const;

export function FeatureTrendChart({ trend }: { trend: AdminGameOutput["trend"] }) {
  const data = trend.map((day) => ({ day: day.day, sessions: day.sessions, ...day.averages }));
  return (
    <ChartFrame label={`Daily averages of four behavioural features over ${trend.length} days`} isEmpty={trend.length === 0} emptyMessage="No game session was closed in this window.">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" {...dayAxis} />
        <YAxis domain={[0, 1]} />
        <Tooltip />
        <Legend />
        {rateFeatures.map((feature) => (
          <Line type="stepAfter" key={feature.key} dataKey={feature.key} name={feature.label} stroke={feature.colour} dot isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
