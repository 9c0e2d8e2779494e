import type { AdminExportsOutput } from "@chronicle/contracts/api";
import { trpc } from "../api/admin-api.ts";
import { formatCount, formatTime } from "../ui/format.ts";

/**
 * "Export now": asks a worker to run the export at its next tick, then follows it (the page
 * polls every 2 s while a request waits or a run is running) until the run has finished.
 */
export function ExportNow({ runs, onChange }: { runs: AdminExportsOutput["runs"]; onChange: () => void }) {
  const request = trpc.admin.exportRequest.useQuery(undefined, { refetchInterval: 2_000 });
  const ask = trpc.admin.requestExport.useMutation({
    onSuccess: () => {
      void request.refetch();
      onChange();
    },
  });
  const running = runs.find((run) => run.status === "running");
  const waitingSince = request.data?.requestedAt ?? null;
  const state = running
    ? `Run ${running.id} is running since ${formatTime(running.startedAt)} UTC: ${formatCount(running.eventsExported)} events written so far.`
    : waitingSince
      ? `Requested at ${formatTime(waitingSince)} UTC; a worker starts it within a few seconds.`
      : null;
  return (
    <div className="export-now">
      <button type="button" className="primary" onClick={() => ask.mutate()} disabled={ask.isPending || waitingSince !== null}>
        Export now
      </button>
      <p role="status" aria-live="polite" className="hint">
        {ask.error ? ask.error.message : (state ?? "Writes every event logged since the last successful run; the hourly job does the same.")}
      </p>
    </div>
  );
}
