import { useMutation } from "@tanstack/react-query";
import { chronicleApi } from "../api/chronicle-api.ts";
import { navigate } from "../routing/navigate.ts";
import { paths } from "../routing/routes.ts";

/** How many questions a follow-up practice test asks: enough to learn from, short enough to start now. */
const FOLLOW_UP_QUESTIONS = 10;

/** Starts a practice test on the given topics and opens it: "practise this topic" and "retry the wrong ones". */
export function usePractiseTopics() {
  return useMutation({
    mutationFn: (topicIds: string[]) => chronicleApi.sessions.create.mutate({ mode: "practice", topicIds, questionCount: FOLLOW_UP_QUESTIONS }),
    onSuccess: (created) => navigate(paths.session(created.sessionId, 1)),
  });
}
