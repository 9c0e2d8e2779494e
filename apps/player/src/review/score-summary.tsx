import type { SessionReview } from "@chronicle/contracts";

export function ScoreSummary({ score }: { score: SessionReview["score"] }) {
  return (
    <section className="score-summary" aria-labelledby="score-title">
      <h1 id="score-title">
        You scored <span className="score-percent">{score.scorePercent}%</span>
      </h1>
      <p>
        {score.correct} of {score.total} correct · {score.answered} answered
        {score.submitReason === "expired" ? " · submitted automatically when time ran out" : ""}
      </p>
    </section>
  );
}
