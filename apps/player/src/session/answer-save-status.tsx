import { useMutationState } from "@tanstack/react-query";
import { useEffect } from "react";
import type { AnswerAction } from "./use-answer-question.ts";
import { answerMutationKey } from "./use-answer-question.ts";

interface SaveState {
  position: number | undefined;
  status: string;
  failureCount: number;
}

/** "Saving…", "will be saved" while the server cannot be reached, then "Saved": one line per question, read out politely. */
export function AnswerSaveStatus({ sessionId, position }: { sessionId: string; position: number }) {
  const states = useMutationState<SaveState>({
    filters: { mutationKey: answerMutationKey(sessionId) },
    select: (m) => ({ position: (m.state.variables as AnswerAction | undefined)?.position, status: m.state.status, failureCount: m.state.failureCount }),
  });
  const pending = states.filter((s) => s.status === "pending");
  // Answers wait in line behind the first one, so one that cannot reach the server holds up all of them.
  const isWaitingForServer = pending.some((s) => s.failureCount > 0);
  const forThisQuestion = states.filter((s) => s.position === position);
  const latest = forThisQuestion.at(-1);

  useEffect(() => {
    if (pending.length === 0) return;
    // Leaving now would drop what is not saved yet, so the browser asks first.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pending.length]);

  let text = "";
  let tone = "";
  if (latest?.status === "pending") {
    text = isWaitingForServer ? "Not saved yet: the server cannot be reached. Your answer will be saved when it is back." : "Saving…";
    tone = isWaitingForServer ? "is-waiting" : "";
  } else if (latest?.status === "success") {
    text = "✓ Saved";
    tone = "is-saved";
  }
  const others = pending.filter((s) => s.position !== position).length;
  return (
    <p className={`save-status ${tone}`} role="status" aria-live="polite">
      {text}
      {isWaitingForServer && others > 0 && ` ${others} more ${others === 1 ? "change" : "changes"} on other questions will be saved too.`}
    </p>
  );
}
