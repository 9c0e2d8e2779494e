import type { ProjectionLag } from "@chronicle/contracts/api";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount, formatDecimal } from "../ui/format.ts";

/** Aggregates are meant to follow the log within about a second; a lagging projection is highlighted. */
const LAGGING_SECONDS = 5;

export function ProjectionLagTable({ lags }: { lags: readonly ProjectionLag[] }) {
  return (
    <DataTable
      caption="Projection lag"
      rows={lags}
      rowKey={(lag) => lag.name}
      emptyMessage="No projection is registered."
      initialSort={{ key: "lag", direction: "descending" }}
      rowClassName={(lag) => (lag.lagSeconds > LAGGING_SECONDS ? "is-warning" : undefined)}
      pageSize={25}
      columns={[
        { key: "name", header: "Projection", cell: (lag) => lag.name, sortValue: (lag) => lag.name },
        { key: "pending", header: "Pending events", cell: (lag) => `${formatCount(lag.pendingEvents)}${lag.pendingCapped ? "+" : ""}`, sortValue: (lag) => lag.pendingEvents, isNumeric: true },
        { key: "lag", header: "Lag (s)", cell: (lag) => formatDecimal(lag.lagSeconds), sortValue: (lag) => lag.lagSeconds, isNumeric: true },
        { key: "applied", header: "Events applied", cell: (lag) => formatCount(lag.eventsApplied), sortValue: (lag) => lag.eventsApplied, isNumeric: true },
      ]}
    />
  );
}
