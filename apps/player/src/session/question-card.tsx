import type { SessionView } from "@chronicle/contracts";
import type { Ref } from "react";

type Question = SessionView["questions"][number];

const optionLetters = ["A", "B", "C", "D", "E"];

interface QuestionCardProps {
  question: Question;
  questionCount: number;
  isSaving: boolean;
  onSelect: (index: number) => void;
  onToggleMark: () => void;
  /** Focused when the question changes, so reading starts at the new question. */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function QuestionCard({ question, questionCount, isSaving, onSelect, onToggleMark, headingRef }: QuestionCardProps) {
  const headingId = `question-${question.position}-heading`;
  return (
    <article className="question-card" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        Question {question.position} <span className="of-total">of {questionCount}</span>
      </h2>
      <fieldset aria-busy={isSaving}>
        <legend className="stem">{question.stem}</legend>
        {question.options.map((option, index) => (
          <label key={index} className={`option${question.selectedIndex === index ? " is-selected" : ""}`}>
            <input
              type="radio"
              name={`answer-${question.position}`}
              checked={question.selectedIndex === index}
              onChange={() => onSelect(index)}
              aria-keyshortcuts={String(index + 1)}
            />
            <span className="option-letter" aria-hidden="true">
              {optionLetters[index]}
            </span>
            <span>{option}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" className="mark-toggle" aria-pressed={question.marked} aria-keyshortcuts="m" onClick={onToggleMark}>
        {question.marked ? "Marked for review" : "Mark for review"}
      </button>
    </article>
  );
}
