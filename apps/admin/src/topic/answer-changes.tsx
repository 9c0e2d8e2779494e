import type { AdminTopicOutput } from "@chronicle/contracts/api";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount } from "../ui/format.ts";
import { QuestionName } from "../names/question-name.tsx";
import { StatGrid } from "../ui/stat-grid.tsx";
import { StatTile } from "../ui/stat-tile.tsx";

/** How learners change answers: talking themselves out of a right answer is the pattern to catch. */
export function AnswerChanges({ changes }: { changes: AdminTopicOutput["answerChanges"] }) {
  return (
    <>
      <StatGrid label="Answer changes">
        <StatTile label="Right → wrong" value={formatCount(changes.rightToWrong)} isWarning={changes.rightToWrong > changes.wrongToRight} />
        <StatTile label="Wrong → right" value={formatCount(changes.wrongToRight)} />
        <StatTile label="Wrong → wrong" value={formatCount(changes.other)} />
      </StatGrid>
      <DataTable
        caption="Answer changes by question"
        rows={changes.byQuestion}
        rowKey={(row) => row.questionId}
        emptyMessage="No answer was changed on this topic."
        initialSort={{ key: "rightToWrong", direction: "descending" }}
        columns={[
          { key: "question", header: "Question", cell: (row) => <QuestionName id={row.questionId} showTopic={false} /> },
          { key: "rightToWrong", header: "Right → wrong", cell: (row) => formatCount(row.rightToWrong), sortValue: (row) => row.rightToWrong, isNumeric: true },
          { key: "wrongToRight", header: "Wrong → right", cell: (row) => formatCount(row.wrongToRight), sortValue: (row) => row.wrongToRight, isNumeric: true },
          { key: "other", header: "Wrong → wrong", cell: (row) => formatCount(row.other), sortValue: (row) => row.other, isNumeric: true },
        ]}
      />
    </>
  );
}
