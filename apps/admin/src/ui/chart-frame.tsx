import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import { EmptyState } from "./empty-state.tsx";

interface ChartFrameProps {
  /** Read by screen readers in place of the drawing. */
  label: string;
  isEmpty: boolean;
  emptyMessage: string;
  height?: number;
  children: ReactElement;
}

/** A recharts chart sized to its panel, described for screen readers, or an empty state when there is nothing to draw. */
export function ChartFrame({ label, isEmpty, emptyMessage, height = 240, children }: ChartFrameProps) {
  if (isEmpty) return <EmptyState message={emptyMessage} />;
  return (
    <figure className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}
