import { friendlyError } from "../api/friendly-error.ts";
import { navigate } from "../routing/navigate.ts";
import { paths } from "../routing/routes.ts";
import { FriendlyError } from "../ui/friendly-error.tsx";
import { LoadingNote } from "../ui/loading-note.tsx";
import { QuestionResult } from "./question-result.tsx";
import { ScoreSummary } from "./score-summary.tsx";
import { TopicResults } from "./topic-results.tsx";
import { useSessionReview } from "./use-session-review.ts";

export function ReviewPage({ sessionId }: { sessionId: string }) {
  const review = useSessionReview(sessionId);
  const startAnother = (
    <button type="button" className="primary" onClick={() => navigate(paths.start())}>
      Start another test
    </button>
  );
  if (review.isPending) return <LoadingNote label="Loading your results…" />;
  if (review.isError) {
    return (
      <section className="panel">
        <FriendlyError message={friendlyError(review.error, "load your results")} />
        {startAnother}
      </section>
    );
  }
  const { score, topics, questions } = review.data;
  return (
    <div className="review-page">
      <ScoreSummary score={score} />
      <TopicResults topics={topics} />
      <section aria-labelledby="questions-title">
        <h2 id="questions-title">Question by question</h2>
        <ol className="question-results">
          {questions.map((question) => (
            <QuestionResult key={question.position} question={question} />
          ))}
        </ol>
      </section>
      {startAnother}
    </div>
  );
}
