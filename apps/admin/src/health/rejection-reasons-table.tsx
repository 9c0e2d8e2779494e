import type { AdminIngestionHealthOutput } from "@chronicle/contracts/api";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount } from "../ui/format.ts";

type Reason = AdminIngestionHealthOutput["topRejectionReasons"][number];

export function RejectionReasonsTable({ reasons }: { reasons: readonly Reason[] }) {
  return (
    <DataTable
      caption="Top rejection reasons"
      rows={reasons}
      rowKey={(reason) => reason.code}
      emptyMessage="Nothing was rejected in this window."
      initialSort={{ key: "count", direction: "descending" }}
      columns={[
        { key: "code", header: "Reason", cell: (reason) => <code>{reason.code}</code>, sortValue: (reason) => reason.code },
        { key: "count", header: "Events", cell: (reason) => formatCount(reason.count), sortValue: (reason) => reason.count, isNumeric: true },
      ]}
    />
  );
}
