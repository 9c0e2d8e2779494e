import { syncBatchWindows, type AdminSyncBatchesOutput } from "@chronicle/contracts/api";
import { trpc } from "../api/admin-api.ts";
import { LearnerName } from "../names/learner-name.tsx";
import { NamesProvider } from "../names/names-context.tsx";
import { useSearchParams } from "../routing/use-search-params.ts";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount, formatMs, formatPercent, formatTime } from "../ui/format.ts";
import { Panel } from "../ui/panel.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { StatGrid } from "../ui/stat-grid.tsx";
import { StatTile } from "../ui/stat-tile.tsx";

type Window = (typeof syncBatchWindows)[number];
type Batch = AdminSyncBatchesOutput["batches"][number];
const windowLabels: Record<Window, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days" };
const statuses = ["completed", "partial", "failed", "error"] as const;
type Status = (typeof statuses)[number];
const statusLabels: Record<Status, string> = { completed: "Completed", partial: "Partial", failed: "Failed", error: "Error (partial or failed)" };

function Summary({ summary }: { summary: AdminSyncBatchesOutput["summary"] }) {
  const { outcomes } = summary;
  return (
    <StatGrid label="Sync batches in the window">
      <StatTile label="Batches" value={formatCount(summary.batches)} />
      <StatTile label="Success rate" value={formatPercent(summary.successRatePercent)} hint="completed batches / batches" isWarning={summary.successRatePercent !== null && summary.successRatePercent < 95} />
      <StatTile label="Average duration" value={formatMs(summary.averageDurationMs)} />
      <StatTile label="Items applied" value={formatCount(outcomes.applied)} />
      <StatTile label="Duplicates" value={formatCount(outcomes.duplicates)} />
      <StatTile label="Conflicts resolved" value={formatCount(outcomes.conflicts)} hint="settled by the conflict strategy" isWarning={outcomes.conflicts > 0} />
      <StatTile label="Failed items" value={formatCount(outcomes.failed)} isWarning={outcomes.failed > 0} />
    </StatGrid>
  );
}

/** Seed 001's batch logs: which sync batches ran, how they ended, filtered like its example query. */
export function SyncBatchesPage() {
  const [params, setParams] = useSearchParams();
  const window = (syncBatchWindows as readonly string[]).includes(params.get("window") ?? "") ? (params.get("window") as Window) : "24h";
  const status = (statuses as readonly string[]).includes(params.get("status") ?? "") ? (params.get("status") as Status) : undefined;
  const withConflicts = params.get("conflicts") === "1";
  const batches = trpc.admin.syncBatches.useQuery({ window, withConflicts, ...(status ? { status } : {}) });

  return (
    <>
      <h1>Sync batch logs</h1>
      <form className="filters" aria-label="Batch filters" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          Window
          <select value={window} onChange={(event) => setParams({ window: event.target.value === "24h" ? null : event.target.value })}>
            {syncBatchWindows.map((value) => (
              <option key={value} value={value}>
                {windowLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Status
          <select value={status ?? ""} onChange={(event) => setParams({ status: event.target.value || null })}>
            <option value="">Any status</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {statusLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="choice">
          <input type="checkbox" checked={withConflicts} onChange={(event) => setParams({ conflicts: event.target.checked ? "1" : null })} />
          Only batches with conflicts
        </label>
      </form>
      <QueryView query={batches} what="the sync batch logs">
        {(data) => (
          <NamesProvider learnerIds={data.batches.map((batch) => batch.userId)}>
            <Summary summary={data.summary} />
            <Panel title="Batches, newest first">
              <DataTable<Batch>
                caption="Sync batches"
                rows={data.batches}
                rowKey={(batch) => batch.batchId}
                emptyMessage="No sync batch matches these filters in this window."
                pageSize={25}
                rowClassName={(batch) => (batch.status === "completed" ? undefined : "is-warning")}
                columns={[
                  { key: "start", header: "Started (UTC)", cell: (batch) => formatTime(batch.startTime), sortValue: (batch) => batch.startTime },
                  { key: "learner", header: "Learner", cell: (batch) => <LearnerName id={batch.userId} /> },
                  { key: "status", header: "Status", cell: (batch) => batch.status, sortValue: (batch) => batch.status },
                  { key: "items", header: "Items", cell: (batch) => formatCount(batch.itemCount), sortValue: (batch) => batch.itemCount, isNumeric: true },
                  { key: "applied", header: "Applied", cell: (batch) => formatCount(batch.successCount), isNumeric: true },
                  { key: "conflicts", header: "Conflicts", cell: (batch) => formatCount(batch.conflictCount), sortValue: (batch) => batch.conflictCount, isNumeric: true },
                  { key: "failed", header: "Failed", cell: (batch) => formatCount(batch.failureCount), sortValue: (batch) => batch.failureCount, isNumeric: true },
                  { key: "duration", header: "Duration", cell: (batch) => formatMs(batch.durationMs), sortValue: (batch) => batch.durationMs, isNumeric: true },
                  { key: "client", header: "Client batch id", cell: (batch) => (batch.clientBatchId ? <code>{batch.clientBatchId}</code> : "—") },
                ]}
              />
            </Panel>
          </NamesProvider>
        )}
      </QueryView>
    </>
  );
}
