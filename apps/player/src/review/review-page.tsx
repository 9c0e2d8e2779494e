import { useState } from "react";
import { friendlyError } from "../api/friendly-error.ts";
import { LevelProgress } from "../profile/level-progress.tsx";
import { RewardsBanner } from "../rewards/rewards-banner.tsx";
import { useSessionRewards } from "../rewards/use-session-rewards.ts";
import { navigate } from "../routing/navigate.ts";
import { paths } from "../routing/routes.ts";
import { FriendlyError } from "../ui/friendly-error.tsx";
import { LoadingNote } from "../ui/loading-note.tsx";
import { usePractiseTopics } from "./practise-topics.ts";
import { QuestionResult } from "./question-result.tsx";
import { keepsQuestion, resultFilters, type ResultFilter } from "./result-filter.ts";
import { ScoreSummary } from "./score-summary.tsx";
import { SyncStatus } from "../sync/sync-status.tsx";
import { useQueueFinishedTest } from "../sync/use-progress-sync.ts";
import { TopicResults } from "./topic-results.tsx";
import { useMarkedPositions } from "./use-marked-positions.ts";
import { useSessionReview } from "./use-session-review.ts";

export function ReviewPage({ sessionId }: { sessionId: string }) {
  const review = useSessionReview(sessionId);
  const marked = useMarkedPositions(sessionId);
  const rewards = useSessionRewards(sessionId);
  const practise = usePractiseTopics();
  const [filter, setFilter] = useState<ResultFilter>("all");
  useQueueFinishedTest(sessionId, review.data);
  const startAnother = (
    <button type="button" className="primary" onClick={() => navigate(paths.start())}>
      Start another test
    </button>
  );
  if (review.isPending) return <LoadingNote label="Loading your results…" />;
  if (review.isError) {
    return (
      <section className="panel">
        <h1>Your results could not be opened</h1>
        <FriendlyError message={friendlyError(review.error, "load your results")} />
        {startAnother}
      </section>
    );
  }
  const { score, topics, questions } = review.data;
  const shown = questions.filter((question) => keepsQuestion(filter, question, marked));
  const wrongTopicIds = [...new Set(questions.filter((question) => !question.isCorrect).map((question) => question.topic.id))];

  return (
    <div className="review-page">
      <ScoreSummary score={score} />
      <SyncStatus />
      <RewardsBanner rewards={rewards} />
      <LevelProgress />
      <TopicResults topics={topics} onPractise={(topicId) => practise.mutate([topicId])} isStarting={practise.isPending} />
      <FriendlyError message={practise.isError ? friendlyError(practise.error, "start a practice test") : null} />
      <section aria-labelledby="questions-title">
        <h2 id="questions-title">Question by question</h2>
        <div className="result-filters" role="group" aria-label="Show questions">
          {resultFilters.map((option) => (
            <button key={option.value} type="button" aria-pressed={filter === option.value} onClick={() => setFilter(option.value)}>
              {option.label} ({questions.filter((question) => keepsQuestion(option.value, question, marked)).length})
            </button>
          ))}
        </div>
        {shown.length === 0 && <p className="hint">No questions match this filter.</p>}
        <ol className="question-results">
          {shown.map((question) => (
            <QuestionResult key={question.position} question={question} isMarked={marked.has(question.position)} />
          ))}
        </ol>
      </section>
      <div className="review-actions">
        {wrongTopicIds.length > 0 && (
          <button type="button" onClick={() => practise.mutate(wrongTopicIds)} disabled={practise.isPending}>
            Practise the topics you got wrong
          </button>
        )}
        {startAnother}
      </div>
    </div>
  );
}
