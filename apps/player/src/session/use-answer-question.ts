import type { AnswerQuestionInput, AnswerQuestionOutput } from "@chronicle/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { chronicleApi } from "../api/chronicle-api.ts";
import { queryKeys } from "../api/query-keys.ts";
import type { LoadedSession } from "./use-player-session.ts";

type WithoutSessionId<T> = T extends unknown ? Omit<T, "sessionId"> : never;
export type AnswerAction = WithoutSessionId<AnswerQuestionInput>;

/** Mutations in one scope run one after another, so quick answer changes reach the server in the order made. */
export const answerScope = (sessionId: string) => ({ id: `session-actions:${sessionId}` });

function withSaved(session: LoadedSession, saved: AnswerQuestionOutput): LoadedSession {
  const questions = session.view.questions.map((question) =>
    question.position === saved.position ? { ...question, selectedIndex: saved.selectedIndex, marked: saved.marked } : question,
  );
  return { ...session, view: { ...session.view, questions } };
}

/** Select an option or toggle the review mark; the server records ANSWER_* and MARK_FOR_REVIEW_TOGGLED itself. */
export function useAnswerQuestion(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: answerScope(sessionId),
    mutationFn: (action: AnswerAction) => chronicleApi.sessions.answer.mutate({ sessionId, ...action }),
    onSuccess: (saved) =>
      queryClient.setQueryData<LoadedSession>(queryKeys.session(sessionId), (current) => (current ? withSaved(current, saved) : current)),
  });
}
