import type { AnswerQuestionInput, AnswerQuestionOutput } from "@chronicle/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { chronicleApi } from "../api/chronicle-api.ts";
import { isServerUnreachable } from "../api/friendly-error.ts";
import { queryKeys } from "../api/query-keys.ts";
import type { LoadedSession } from "./use-player-session.ts";

type WithoutSessionId<T> = T extends unknown ? Omit<T, "sessionId"> : never;
export type AnswerAction = WithoutSessionId<AnswerQuestionInput>;

/** Mutations in one scope run one after another, so quick answer changes reach the server in the order made. */
export const answerScope = (sessionId: string) => ({ id: `session-actions:${sessionId}` });

/** Names a session's answer mutations, so the save status can find the pending ones. */
export const answerMutationKey = (sessionId: string) => ["sessions.answer", sessionId] as const;

/** The longest pause between two tries while the server is unreachable, so an answer is saved soon after it is back. */
const MAX_RETRY_DELAY_MS = 3_000;

type QuestionState = Pick<AnswerQuestionOutput, "position" | "selectedIndex" | "marked">;

function withQuestion(session: LoadedSession, state: QuestionState): LoadedSession {
  const questions = session.view.questions.map((question) =>
    question.position === state.position ? { ...question, selectedIndex: state.selectedIndex, marked: state.marked } : question,
  );
  return { ...session, view: { ...session.view, questions } };
}

function afterAction(session: LoadedSession, action: AnswerAction): LoadedSession {
  const question = session.view.questions.find((q) => q.position === action.position);
  if (!question) return session;
  return action.action === "select"
    ? withQuestion(session, { position: action.position, selectedIndex: action.selectedIndex, marked: question.marked })
    : withQuestion(session, { position: action.position, selectedIndex: question.selectedIndex, marked: action.marked });
}

/**
 * Select an option or toggle the review mark; the server records ANSWER_* and MARK_FOR_REVIEW_TOGGLED
 * itself. The choice shows at once. While the server cannot be reached the answer is kept and
 * tried again until it is back (the save status says "will be saved"), instead of being dropped:
 * the server treats the same answer twice as one, so a retry never records it twice.
 */
export function useAnswerQuestion(sessionId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.session(sessionId);
  return useMutation({
    mutationKey: answerMutationKey(sessionId),
    scope: answerScope(sessionId),
    mutationFn: (action: AnswerAction) => chronicleApi.sessions.answer.mutate({ sessionId, ...action }),
    retry: (_failureCount, error) => isServerUnreachable(error),
    retryDelay: (failureCount) => Math.min(500 * 2 ** failureCount, MAX_RETRY_DELAY_MS),
    onMutate: async (action) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<LoadedSession>(key);
      queryClient.setQueryData<LoadedSession>(key, (current) => (current ? afterAction(current, action) : current));
      return { previous };
    },
    // Only failures that waiting cannot fix end here (a submitted session, a signed-out learner): show the server's state again.
    onError: (_error, _action, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (saved, action) => {
      // A later change to the same question, still queued, is what the learner chose last: keep showing it.
      const isOvertaken = queryClient
        .getMutationCache()
        .findAll({ mutationKey: answerMutationKey(sessionId), status: "pending" })
        .some((m) => m.state.variables !== action && (m.state.variables as AnswerAction | undefined)?.position === saved.position);
      if (!isOvertaken) queryClient.setQueryData<LoadedSession>(key, (current) => (current ? withQuestion(current, saved) : current));
    },
  });
}
