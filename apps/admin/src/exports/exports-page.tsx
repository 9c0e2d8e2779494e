import { trpc } from "../api/admin-api.ts";
import { formatCount, formatTime } from "../ui/format.ts";
import { QueryView } from "../ui/query-view.tsx";
import { StatGrid } from "../ui/stat-grid.tsx";
import { StatTile } from "../ui/stat-tile.tsx";
import { ExportNow } from "./export-now.tsx";
import { ExportRunsTable } from "./export-runs-table.tsx";

/** The incremental Parquet export: is it running, when did it last succeed, how much is waiting. */
export function ExportsPage() {
  const request = trpc.admin.exportRequest.useQuery();
  const isBusy = (status: { runs: { status: string }[] } | undefined) => status?.runs.some((run) => run.status === "running") ?? false;
  // Every 2 s while an export is asked for or running, so its progress shows; else every 30 s.
  const status = trpc.admin.exports.useQuery(undefined, {
    refetchInterval: (query) => (isBusy(query.state.data) || request.data?.requestedAt ? 2_000 : 30_000),
  });
  return (
    <>
      <h1>Export status</h1>
      <p className="hint">Each run writes the events logged since the last successful run as Parquet files a warehouse loads directly; every event is in exactly one successful run.</p>
      <QueryView query={status} what="the export status">
        {(data) => {
          const latest = data.runs[0];
          return (
            <>
              <StatGrid label="Export">
                <StatTile label="Last success" value={data.lastSucceededAt ? formatTime(data.lastSucceededAt) : "never"} hint="UTC" isWarning={data.lastSucceededAt === null} />
                <StatTile label="Latest run" value={latest ? latest.status : "none"} isWarning={latest?.status === "failed"} />
                <StatTile
                  label="Events not exported"
                  value={`${formatCount(data.eventsNotExported)}${data.eventsNotExportedCapped ? "+" : ""}`}
                  hint="logged after the last successful run"
                />
              </StatGrid>
              <ExportNow runs={data.runs} onChange={() => void status.refetch()} />
              <ExportRunsTable runs={data.runs} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}
