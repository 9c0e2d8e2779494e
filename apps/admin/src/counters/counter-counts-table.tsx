import type { AdminCountersOutput } from "@chronicle/contracts/api";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount } from "../ui/format.ts";

export function CounterCountsTable({ counts }: { counts: AdminCountersOutput["counts"] }) {
  const rows = Object.entries(counts).map(([event, count]) => ({ event, count }));
  return (
    <DataTable
      caption="Raw counts"
      rows={rows}
      rowKey={(row) => row.event}
      emptyMessage="No counter is defined."
      initialSort={{ key: "count", direction: "descending" }}
      columns={[
        { key: "event", header: "Event", cell: (row) => <code>{row.event}</code>, sortValue: (row) => row.event },
        { key: "count", header: "Count", cell: (row) => formatCount(row.count), sortValue: (row) => row.count, isNumeric: true },
      ]}
    />
  );
}
