import type { AdminTopicRow } from "@chronicle/contracts/api";
import { paths } from "../routing/routes.ts";
import { AppLink } from "../ui/app-link.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount, formatPercent } from "../ui/format.ts";

export function TopicListTable({ topics }: { topics: AdminTopicRow[] }) {
  return (
    <DataTable
      caption="Topics"
      rows={topics}
      rowKey={(topic) => topic.topicId}
      emptyMessage="No topics are loaded; run `npx chronicle seed` to load the demo question bank."
      initialSort={{ key: "attempts", direction: "descending" }}
      columns={[
        { key: "name", header: "Topic", cell: (topic) => <AppLink to={paths.topic(topic.topicId)}>{topic.name}</AppLink>, sortValue: (topic) => topic.name },
        { key: "questions", header: "Questions", cell: (topic) => formatCount(topic.questions), sortValue: (topic) => topic.questions, isNumeric: true },
        { key: "attempts", header: "Attempts", cell: (topic) => formatCount(topic.attempts), sortValue: (topic) => topic.attempts, isNumeric: true },
        { key: "correct", header: "Correct", cell: (topic) => formatCount(topic.correct), sortValue: (topic) => topic.correct, isNumeric: true },
        { key: "accuracy", header: "Accuracy", cell: (topic) => formatPercent(topic.accuracyPercent), sortValue: (topic) => topic.accuracyPercent, isNumeric: true },
      ]}
    />
  );
}
