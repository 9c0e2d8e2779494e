import type { SessionReview } from "@chronicle/contracts";

function percent(correct: number, total: number): string {
  return total === 0 ? "–" : `${Math.round((correct / total) * 100)}%`;
}

export function TopicResults({ topics }: { topics: SessionReview["topics"] }) {
  return (
    <section aria-labelledby="topics-title">
      <h2 id="topics-title">By topic</h2>
      <table className="topic-results">
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Correct</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <tr key={topic.topicId}>
              <th scope="row">{topic.name}</th>
              <td>
                {topic.correct} / {topic.total}
              </td>
              <td>{percent(topic.correct, topic.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
