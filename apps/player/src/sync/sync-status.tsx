import type { ProgressSyncView } from "./progress-sync.ts";
import { progressSync } from "./progress-sync.ts";
import { useProgressSyncView } from "./use-progress-sync.ts";

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

function describe({ status, isSyncing, lastError }: ProgressSyncView): { text: string; tone: string } | null {
  if (!status) return null;
  const waiting = status.pendingItems;
  if (isSyncing) return { text: `Progress saved · syncing ${waiting} ${waiting === 1 ? "item" : "items"}…`, tone: "" };
  if (waiting > 0) {
    // A 401 or a 503 lands here too, so the line says the try failed rather than guessing why.
    const why = lastError ? " The last try did not get through; the player tries again by itself, or choose Sync now." : "";
    return { text: `Progress saved on this device · ${waiting} waiting to sync.${why}`, tone: "is-waiting" };
  }
  if (status.lastSyncTime) return { text: `Progress saved · synced ${timeOf(status.lastSyncTime)}`, tone: "is-saved" };
  return null;
}

/** One polite line about the learner's progress sync; it never blocks anything the learner does. */
export function SyncStatus() {
  const view = useProgressSyncView();
  const shown = describe(view);
  const canRetry = view.status !== null && view.status.pendingItems > 0 && !view.isSyncing;
  return (
    <div className="sync-status">
      <p className={`sync-status-text ${shown?.tone ?? ""}`} role="status" aria-live="polite">
        {shown?.text ?? ""}
      </p>
      {canRetry && (
        <button type="button" onClick={() => void progressSync.syncNow()}>
          Sync now
        </button>
      )}
    </div>
  );
}
