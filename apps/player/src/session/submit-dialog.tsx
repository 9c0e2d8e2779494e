import type { SessionView } from "@chronicle/contracts";
import { useEffect, useRef } from "react";
import { FriendlyError } from "../ui/friendly-error.tsx";

type Question = SessionView["questions"][number];

interface SubmitDialogProps {
  questions: readonly Question[];
  isSubmitting: boolean;
  onReturn: () => void;
  onJump: (position: number) => void;
  onSubmit: () => void;
  /** Why the last submit failed, shown inside the dialog where the learner is looking. */
  errorMessage: string | null;
}

function PositionList({ label, positions, onJump }: { label: string; positions: number[]; onJump: (position: number) => void }) {
  if (positions.length === 0) return null;
  return (
    <div className="submit-dialog-list">
      <h3>{label}</h3>
      <ul>
        {positions.map((position) => (
          <li key={position}>
            <button type="button" onClick={() => onJump(position)} aria-label={`Go to question ${position}`}>
              {position}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The end-of-test step: a modal that says what is still open (unanswered and marked questions)
 * before the learner commits, because a submitted test cannot be reopened.
 */
export function SubmitDialog({ questions, isSubmitting, onReturn, onJump, onSubmit, errorMessage }: SubmitDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const unanswered = questions.filter((question) => question.selectedIndex === null).map((question) => question.position);
  const marked = questions.filter((question) => question.marked).map((question) => question.position);
  const isComplete = unanswered.length === 0 && marked.length === 0;

  return (
    <dialog
      ref={dialog}
      className="submit-dialog"
      aria-labelledby="submit-dialog-title"
      aria-describedby="submit-dialog-summary"
      // Escape closes a modal dialog natively; keep React's state in step with it.
      onCancel={(event) => {
        event.preventDefault();
        onReturn();
      }}
    >
      <h2 id="submit-dialog-title">Submit your test?</h2>
      <p id="submit-dialog-summary">
        {isComplete
          ? `All ${questions.length} questions are answered and none is marked for review.`
          : `${questions.length - unanswered.length} of ${questions.length} answered` +
            (unanswered.length > 0 ? `, ${unanswered.length} not answered` : "") +
            (marked.length > 0 ? `, ${marked.length} marked for review` : "") +
            ". Once submitted, answers cannot be changed."}
      </p>
      <PositionList label="Not answered" positions={unanswered} onJump={onJump} />
      <PositionList label="Marked for review" positions={marked} onJump={onJump} />
      <FriendlyError message={errorMessage} />
      <div className="dialog-buttons">
        <button type="button" onClick={onReturn} autoFocus>
          Return to test
        </button>
        <button type="button" className="primary" onClick={onSubmit} disabled={isSubmitting}>
          {isSubmitting ? "Submitting…" : "Submit"}
        </button>
      </div>
    </dialog>
  );
}
