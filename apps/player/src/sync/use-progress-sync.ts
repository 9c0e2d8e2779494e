import type { SessionReview } from "@chronicle/contracts";
import { useEffect, useSyncExternalStore } from "react";
import { progressItemsOf } from "./progress-items.ts";
import { progressSync, type ProgressSyncView } from "./progress-sync.ts";

/** The learner's sync as the status line shows it; starts the schedule for the signed-in learner. */
export function useProgressSyncView(): ProgressSyncView {
  useEffect(() => progressSync.start(), []);
  return useSyncExternalStore(progressSync.subscribe, progressSync.view);
}

/** When a finished test's results are shown, its progress is queued (once) and a sync is asked for. */
export function useQueueFinishedTest(sessionId: string, review: SessionReview | undefined): void {
  useEffect(() => {
    if (review) void progressSync.queueFinishedTest(sessionId, progressItemsOf(review));
  }, [sessionId, review]);
}
