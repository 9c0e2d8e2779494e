import { useState } from "react";
import type { SessionView } from "@chronicle/contracts";

type Question = SessionView["questions"][number];

function describeQuestion(question: Question, isCurrent: boolean): string {
  const states = [question.selectedIndex === null ? "not answered" : "answered"];
  if (question.marked) states.push("marked for review");
  if (isCurrent) states.push("current");
  return `Question ${question.position}, ${states.join(", ")}`;
}

interface NavigatorGridProps {
  questions: readonly Question[];
  currentPosition: number;
  onJump: (position: number) => void;
}

/** Every question at a glance: answered, marked and current, each said in words as well as colour. */
export function NavigatorGrid({ questions, currentPosition, onJump }: NavigatorGridProps) {
  // On a phone 30 cells would push the question below the fold: there the grid is a drawer, closed by default.
  const [isOpen, setIsOpen] = useState(false);
  const answered = questions.filter((question) => question.selectedIndex !== null).length;
  return (
    <nav className={`navigator-grid${isOpen ? " is-open" : ""}`} aria-label="Questions">
      <button type="button" className="navigator-toggle" aria-expanded={isOpen} aria-controls="navigator-cells" onClick={() => setIsOpen(!isOpen)}>
        All questions ({answered} of {questions.length} answered)
      </button>
      <ol id="navigator-cells">
        {questions.map((question) => {
          const isCurrent = question.position === currentPosition;
          const classes = ["navigator-cell", question.selectedIndex !== null && "is-answered", question.marked && "is-marked", isCurrent && "is-current"];
          return (
            <li key={question.position}>
              <button
                type="button"
                className={classes.filter(Boolean).join(" ")}
                aria-label={describeQuestion(question, isCurrent)}
                aria-current={isCurrent ? "step" : undefined}
                onClick={() => {
                  setIsOpen(false);
                  onJump(question.position);
                }}
              >
                {question.position}
                {question.marked && <span aria-hidden="true">⚑</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
