import type { AdminLearnerOutput } from "@chronicle/contracts/api";
import { paths } from "../routing/routes.ts";
import { AppLink } from "../ui/app-link.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount, formatDecimal, formatTime } from "../ui/format.ts";

type Mastery = AdminLearnerOutput["mastery"][number];

export function MasteryTable({ mastery }: { mastery: readonly Mastery[] }) {
  return (
    <DataTable
      caption="Topic mastery"
      rows={mastery}
      rowKey={(row) => row.topicId}
      emptyMessage="No topic attempted yet."
      initialSort={{ key: "score", direction: "descending" }}
      columns={[
        { key: "topic", header: "Topic", cell: (row) => <AppLink to={paths.topic(row.topicId)}>{row.topicName ?? row.topicId}</AppLink>, sortValue: (row) => row.topicName },
        { key: "score", header: "Mastery", cell: (row) => formatDecimal(row.masteryScore), sortValue: (row) => row.masteryScore, isNumeric: true },
        { key: "attempted", header: "Attempted", cell: (row) => formatCount(row.questionsAttempted), sortValue: (row) => row.questionsAttempted, isNumeric: true },
        { key: "correct", header: "Correct", cell: (row) => formatCount(row.questionsCorrect), sortValue: (row) => row.questionsCorrect, isNumeric: true },
        { key: "last", header: "Last attempt (UTC)", cell: (row) => formatTime(row.lastAttemptAt), sortValue: (row) => row.lastAttemptAt },
      ]}
    />
  );
}
