import type { SessionReview } from "@chronicle/contracts";

type ReviewedQuestion = SessionReview["questions"][number];

const optionLetters = ["A", "B", "C", "D", "E"];

function optionText(question: ReviewedQuestion, index: number | null): string {
  if (index === null) return "not answered";
  return `${optionLetters[index] ?? index + 1}. ${question.options[index] ?? ""}`;
}

export function QuestionResult({ question, isMarked }: { question: ReviewedQuestion; isMarked: boolean }) {
  const verdict = question.isCorrect ? "Correct" : question.selectedIndex === null ? "Not answered" : "Incorrect";
  return (
    <li className={`question-result ${question.isCorrect ? "is-correct" : "is-incorrect"}`} aria-label={`Question ${question.position}: ${verdict}`}>
      <h3>
        <span className="verdict">{question.isCorrect ? "✓" : "✗"}</span> Question {question.position} <small>{question.topic.name}</small>
        {isMarked && <span className="marked-tag">⚑ Marked for review</span>}
      </h3>
      <p className="stem">{question.stem}</p>
      <p>
        Your answer: <strong>{optionText(question, question.selectedIndex)}</strong>
      </p>
      {!question.isCorrect && (
        <p>
          Correct answer: <strong>{optionText(question, question.correctIndex)}</strong>
        </p>
      )}
      <p className="explanation">{question.explanation}</p>
    </li>
  );
}
