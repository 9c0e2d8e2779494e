import { useEffect, useRef } from "react";

/**
 * When the question changes, focus moves to its heading (so a keyboard or screen-reader user starts
 * reading at the new question) and a polite live region says which question it is.
 */
export function useQuestionFocus(position: number) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // The first question gets no forced focus: the page has just opened and the reader starts at the top.
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [position]);
  return heading;
}

export function QuestionAnnouncer({ position, questionCount }: { position: number; questionCount: number }) {
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      Question {position} of {questionCount}
    </p>
  );
}
