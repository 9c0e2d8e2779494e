import type { ClientBehaviour, ClientBehaviourFigures } from "@chronicle/contracts/api";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount, formatDecimal, formatPercent } from "../ui/format.ts";
import { StatGrid } from "../ui/stat-grid.tsx";
import { StatTile } from "../ui/stat-tile.tsx";

/** Seed 000's "Client Behavior" metrics, as the SDKs counted them and reported them with their ingest requests. */
export function ClientBehaviourSummary({ behaviour }: { behaviour: ClientBehaviour }) {
  const { total } = behaviour;
  return (
    <StatGrid label="Client behaviour in this window">
      <StatTile
        label="Flushes per client-minute"
        value={formatDecimal(total.flushesPerClientMinute)}
        hint={`${formatCount(total.flushes)} flushes over ${formatCount(total.clientMinutes)} client-minutes`}
      />
      <StatTile label="Retry rate" value={formatPercent(total.retryRate)} hint={`${formatCount(total.retries)} retries of ${formatCount(total.requests)} requests`} />
      <StatTile label="Queue overflow rate" value={formatPercent(total.queueOverflowRate)} hint={`${formatCount(total.dropped)} events dropped`} />
      <StatTile label="Rejected as clients saw it" value={formatPercent(total.rejectionRate)} hint={`${formatCount(total.rejected)} of ${formatCount(total.events)} events`} />
    </StatGrid>
  );
}

export function ClientBehaviourTable({ behaviour }: { behaviour: ClientBehaviour }) {
  return (
    <DataTable
      caption="Client behaviour by source"
      rows={behaviour.bySource}
      rowKey={(figures) => figures.source}
      emptyMessage="No SDK reported its figures in this window."
      initialSort={{ key: "source", direction: "ascending" }}
      columns={[
        { key: "source", header: "Source", cell: (figures: ClientBehaviourFigures) => figures.source, sortValue: (figures) => figures.source },
        { key: "flushes", header: "Flushes per client-minute", cell: (figures) => formatDecimal(figures.flushesPerClientMinute), sortValue: (figures) => figures.flushesPerClientMinute, isNumeric: true },
        { key: "retries", header: "Retry rate", cell: (figures) => formatPercent(figures.retryRate), sortValue: (figures) => figures.retryRate, isNumeric: true },
        { key: "overflow", header: "Queue overflow rate", cell: (figures) => formatPercent(figures.queueOverflowRate), sortValue: (figures) => figures.queueOverflowRate, isNumeric: true },
        { key: "rejected", header: "Rejection rate", cell: (figures) => formatPercent(figures.rejectionRate), sortValue: (figures) => figures.rejectionRate, isNumeric: true },
        { key: "requests", header: "Requests", cell: (figures) => formatCount(figures.requests), sortValue: (figures) => figures.requests, isNumeric: true },
      ]}
    />
  );
}
