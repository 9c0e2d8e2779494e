import type { AdminLearnerOutput } from "@chronicle/contracts/api";
import { DataTable } from "../ui/data-table.tsx";
import { formatDecimal, formatTime } from "../ui/format.ts";

type Gap = AdminLearnerOutput["knowledgeGaps"][number];

export function KnowledgeGapsTable({ gaps }: { gaps: readonly Gap[] }) {
  return (
    <DataTable
      caption="Knowledge gaps"
      rows={gaps}
      rowKey={(gap) => gap.topicId}
      emptyMessage="No knowledge gap found (the gap job runs on a schedule)."
      initialSort={{ key: "score", direction: "descending" }}
      columns={[
        { key: "topic", header: "Topic", cell: (gap) => gap.topicName ?? gap.topicId, sortValue: (gap) => gap.topicName },
        { key: "score", header: "Gap score", cell: (gap) => formatDecimal(gap.gapScore), sortValue: (gap) => gap.gapScore, isNumeric: true },
        { key: "reason", header: "Why", cell: (gap) => gap.reason },
        { key: "computed", header: "Computed (UTC)", cell: (gap) => formatTime(gap.computedAt), sortValue: (gap) => gap.computedAt },
      ]}
    />
  );
}
