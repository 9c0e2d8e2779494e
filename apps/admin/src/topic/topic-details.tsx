import { trpc } from "../api/admin-api.ts";
import { NamesProvider } from "../names/names-context.tsx";
import { AsOf } from "../ui/as-of.tsx";
import { Panel } from "../ui/panel.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { AnswerChanges } from "./answer-changes.tsx";
import { HardestQuestionsTable } from "./hardest-questions-table.tsx";
import { MasteryDistributionChart } from "./mastery-distribution-chart.tsx";
import { TopicDailyChart } from "./topic-daily-chart.tsx";

export function TopicDetails({ topicId }: { topicId: string }) {
  const topic = trpc.admin.topic.useQuery({ topicId });
  return (
    <QueryView query={topic} what="the topic">
      {(data) => (
        <NamesProvider questionIds={[...data.hardestQuestions.map((row) => row.questionId), ...data.answerChanges.byQuestion.map((row) => row.questionId)]}>
          <h2 className="topic-name">{data.name}</h2>
          <AsOf watermark={data.watermark} />
          <div className="panel-grid">
            <Panel title="Daily attempts">
              <TopicDailyChart daily={data.daily} />
            </Panel>
            <Panel title="Mastery distribution">
              <MasteryDistributionChart buckets={data.masteryDistribution} />
            </Panel>
          </div>
          <Panel title="Hardest questions">
            <HardestQuestionsTable questions={data.hardestQuestions} />
          </Panel>
          <Panel title="Answer changes">
            <AnswerChanges changes={data.answerChanges} />
          </Panel>
        </NamesProvider>
      )}
    </QueryView>
  );
}
