import type { SessionTelemetry } from "@chronicle/client/react";
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { chronicleApi } from "../api/chronicle-api.ts";
import { queryKeys } from "../api/query-keys.ts";
import { fetchProfile } from "../profile/fetch-profile.ts";
import { navigate } from "../routing/navigate.ts";
import { paths } from "../routing/routes.ts";
import { saveRewardsSnapshot } from "../rewards/rewards-snapshot.ts";
import { answerScope } from "./use-answer-question.ts";

/** Telemetry must never block the learner for long: after this the submit goes ahead and the events follow. */
const FLUSH_BEFORE_SUBMIT_LIMIT_MS = 10_000;

/** The profile just before the submit, so the results can show "+XP"; a failure here never blocks the submit. */
async function snapshotRewards(queryClient: QueryClient, sessionId: string): Promise<void> {
  try {
    const profile = await queryClient.fetchQuery({ queryKey: queryKeys.profile, queryFn: fetchProfile, staleTime: 0 });
    saveRewardsSnapshot(sessionId, profile);
  } catch {
    // Without a snapshot the results just leave out the XP line.
  }
}

export type SubmitTrigger = "manual" | "expired";

function flushWithin(flush: () => Promise<void>, limitMs: number): Promise<void> {
  return Promise.race([flush(), new Promise<void>((resolve) => setTimeout(resolve, limitMs))]);
}

/**
 * Sends queued telemetry first, so the log shows the learner's last views before SESSION_SUBMITTED,
 * then submits and opens the review page. It shares the answers' scope, so a pending answer is saved first.
 */
export function useSubmitSession(sessionId: string, flush: SessionTelemetry["flush"]) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: answerScope(sessionId),
    mutationFn: async (trigger: SubmitTrigger) => {
      await flushWithin(flush, FLUSH_BEFORE_SUBMIT_LIMIT_MS);
      await snapshotRewards(queryClient, sessionId);
      // Without a reason the server decides: a session whose clock ran out is recorded as expired.
      return chronicleApi.sessions.submit.mutate(trigger === "manual" ? { sessionId, reason: "manual" } : { sessionId });
    },
    onSuccess: () => {
      navigate(paths.review(sessionId));
      void queryClient.invalidateQueries({ queryKey: queryKeys.session(sessionId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.profile });
    },
  });
}
