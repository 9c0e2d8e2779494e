import type { SessionView } from "@chronicle/contracts";
import type { SessionTelemetry } from "@chronicle/client/react";
import { useCallback, useEffect, useRef } from "react";
import { navigate } from "../routing/navigate.ts";
import { paths } from "../routing/routes.ts";

type NavigationKind = "next" | "previous" | "jump";
const navigationEvent = { next: "NAVIGATE_NEXT", previous: "NAVIGATE_PREV", jump: "NAVIGATE_JUMP" } as const;

interface QuestionNavigationOptions {
  sessionId: string;
  questions: SessionView["questions"];
  /** From the address bar (`?q=`), so a reload stays on the same question. */
  requestedPosition: number | null;
  track: SessionTelemetry["track"];
}

/** The current question and the ways to move, each tracked as seed 000's NAVIGATE_* and QUESTION_VIEWED. */
export function useQuestionNavigation({ sessionId, questions, requestedPosition, track }: QuestionNavigationOptions) {
  const count = questions.length;
  const position = Math.min(Math.max(requestedPosition ?? 1, 1), Math.max(count, 1));
  const current = questions[position - 1];

  const goTo = useCallback(
    (to: number, kind: NavigationKind) => {
      if (to === position || to < 1 || to > count) return;
      track(navigationEvent[kind], { from_position: position, to_position: to });
      navigate(paths.session(sessionId, to), { replace: true });
    },
    [position, count, sessionId, track],
  );

  // Once per question shown; the ref keeps React's development double-render from counting a view twice.
  const lastViewed = useRef<number | null>(null);
  const questionId = current?.questionId;
  useEffect(() => {
    if (questionId === undefined || lastViewed.current === position) return;
    lastViewed.current = position;
    track("QUESTION_VIEWED", { position }, { questionId });
  }, [position, questionId, track]);

  return {
    position,
    current,
    next: () => goTo(position + 1, "next"),
    previous: () => goTo(position - 1, "previous"),
    jump: (to: number) => goTo(to, "jump"),
  };
}
