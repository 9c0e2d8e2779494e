import type { AdminTopicOutput } from "@chronicle/contracts/api";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount, formatPercent } from "../ui/format.ts";
import { QuestionName } from "../names/question-name.tsx";

type Question = AdminTopicOutput["hardestQuestions"][number];

export function HardestQuestionsTable({ questions }: { questions: readonly Question[] }) {
  return (
    <DataTable
      caption="Hardest questions"
      rows={questions}
      rowKey={(question) => question.questionId}
      emptyMessage="Not enough first attempts yet to rank questions."
      initialSort={{ key: "accuracy", direction: "ascending" }}
      columns={[
        { key: "question", header: "Question", cell: (question) => <QuestionName id={question.questionId} showTopic={false} /> },
        { key: "first", header: "First attempts", cell: (question) => formatCount(question.firstAttempts), sortValue: (question) => question.firstAttempts, isNumeric: true },
        { key: "right", header: "Right first time", cell: (question) => formatCount(question.firstAttemptsCorrect), sortValue: (question) => question.firstAttemptsCorrect, isNumeric: true },
        { key: "accuracy", header: "Accuracy", cell: (question) => formatPercent(question.accuracyPercent), sortValue: (question) => question.accuracyPercent, isNumeric: true },
      ]}
    />
  );
}
