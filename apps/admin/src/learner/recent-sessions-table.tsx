import type { AdminLearnerOutput } from "@chronicle/contracts/api";
import { paths } from "../routing/routes.ts";
import { AppLink } from "../ui/app-link.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { formatTime, shortId } from "../ui/format.ts";

type RecentSession = AdminLearnerOutput["recentSessions"][number];

export function RecentSessionsTable({ sessions }: { sessions: readonly RecentSession[] }) {
  return (
    <DataTable
      caption="Recent sessions"
      rows={sessions}
      rowKey={(session) => session.sessionId}
      emptyMessage="No session yet."
      initialSort={{ key: "started", direction: "descending" }}
      columns={[
        { key: "kind", header: "Kind", cell: (session) => session.kind, sortValue: (session) => session.kind },
        {
          key: "session",
          header: "Session",
          cell: (session) => (
            <AppLink to={paths.session(session.sessionId)} aria-label={`Session timeline ${session.sessionId}`}>
              {shortId(session.sessionId)}
            </AppLink>
          ),
        },
        { key: "started", header: "Started (UTC)", cell: (session) => formatTime(session.startedAt), sortValue: (session) => session.startedAt },
        { key: "ended", header: "Ended (UTC)", cell: (session) => formatTime(session.endedAt), sortValue: (session) => session.endedAt },
        { key: "summary", header: "Summary", cell: (session) => session.summary },
      ]}
    />
  );
}
