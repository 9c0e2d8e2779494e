import type { AdminGameOutput } from "@chronicle/contracts/api";
import { paths } from "../routing/routes.ts";
import { AppLink } from "../ui/app-link.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { LearnerLabelText } from "../names/learner-name.tsx";
import { formatTime, shortId } from "../ui/format.ts";
import { featureColumns } from "./feature-columns.tsx";

type GameSession = AdminGameOutput["sessions"][number];

export function GameSessionsTable({ sessions }: { sessions: readonly GameSession[] }) {
  return (
    <DataTable
      caption="Behavioural features per session"
      rows={sessions}
      rowKey={(session) => session.sessionId}
      emptyMessage="No game session was closed in this window."
      initialSort={{ key: "closed", direction: "descending" }}
      columns={[
        { key: "closed", header: "Closed (UTC)", cell: (session) => formatTime(session.closedAt), sortValue: (session) => session.closedAt },
        {
          key: "session",
          header: "Session",
          cell: (session) => (
            <AppLink to={paths.session(session.sessionId)} aria-label={`Session timeline ${session.sessionId}`}>
              {shortId(session.sessionId)}
            </AppLink>
          ),
        },
        {
          key: "student",
          header: "Student",
          cell: (session) => (
            <AppLink to={paths.game({ studentId: session.studentId })}>
              <LearnerLabelText id={session.studentId} />
              <span className="visually-hidden"> (this student's game sessions)</span>
            </AppLink>
          ),
          sortValue: (session) => session.studentId,
        },
        ...featureColumns<GameSession>((session) => session.features),
      ]}
    />
  );
}
