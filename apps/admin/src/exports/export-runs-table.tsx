import type { AdminExportsOutput } from "@chronicle/contracts/api";
import { DataTable } from "../ui/data-table.tsx";
import { formatCount, formatTime } from "../ui/format.ts";

const formatBytes = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

export function ExportRunsTable({ runs }: { runs: AdminExportsOutput["runs"] }) {
  return (
    <DataTable
      caption="Recent export runs"
      rows={runs}
      rowKey={(run) => String(run.id)}
      // `chronicle export` cannot open the embedded database while this server holds it, so the hint leads with the job.
      emptyMessage="No export has run yet: use Export now, or wait for the hourly job (CHRONICLE_EXPORT_DIR must be set on every process; with PostgreSQL, `npx chronicle export --out <folder>` also works while the server runs)."
      initialSort={{ key: "id", direction: "descending" }}
      rowClassName={(run) => (run.status === "failed" ? "is-warning" : undefined)}
      pageSize={10}
      columns={[
        { key: "id", header: "Run", cell: (run) => run.id, sortValue: (run) => run.id, isNumeric: true },
        { key: "status", header: "Status", cell: (run) => (run.error ? `${run.status}: ${run.error}` : run.status), sortValue: (run) => run.status },
        { key: "started", header: "Started (UTC)", cell: (run) => formatTime(run.startedAt), sortValue: (run) => run.startedAt },
        { key: "finished", header: "Finished (UTC)", cell: (run) => formatTime(run.finishedAt), sortValue: (run) => run.finishedAt ?? "" },
        { key: "events", header: "Events", cell: (run) => formatCount(run.eventsExported), sortValue: (run) => run.eventsExported, isNumeric: true },
        { key: "files", header: "Files", cell: (run) => `${run.files} (${formatBytes(run.bytes)})`, sortValue: (run) => run.bytes, isNumeric: true },
        { key: "actor", header: "By", cell: (run) => run.actor, sortValue: (run) => run.actor },
      ]}
    />
  );
}
