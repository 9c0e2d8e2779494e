import { trpc } from "../api/admin-api.ts";
import { LearnerName } from "../names/learner-name.tsx";
import { NamesProvider } from "../names/names-context.tsx";
import { paths } from "../routing/routes.ts";
import { AppLink } from "../ui/app-link.tsx";
import { formatCount, formatPercent } from "../ui/format.ts";
import { Panel } from "../ui/panel.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { StatGrid } from "../ui/stat-grid.tsx";
import { StatTile } from "../ui/stat-tile.tsx";
import { TimelineList } from "./timeline-list.tsx";

export function SessionTimelinePage({ sessionId }: { sessionId: string }) {
  const timeline = trpc.admin.sessionTimeline.useQuery({ sessionId });
  const learnerId = timeline.data?.events[0]?.userId;

  return (
    <NamesProvider learnerIds={learnerId ? [learnerId] : []} questionIds={timeline.data?.events.map((event) => event.questionId) ?? []}>
      <h1>Session timeline</h1>
      <p className="hint">
        Session <code>{sessionId}</code>
        {learnerId && (
          <>
            {" "}
            of <LearnerName id={learnerId} />
          </>
        )}
        {" · "}
        <AppLink to={paths.events({ session: sessionId })}>these events in the explorer</AppLink>
      </p>
      <QueryView query={timeline} what="the session timeline">
        {(data) => (
          <>
            <StatGrid label="Completeness">
              <StatTile label="Completeness" value={formatPercent(data.completenessPercent)} hint="client seq present / (max seq + 1)" isWarning={data.missingSeqCount > 0} />
              <StatTile label="Events" value={formatCount(data.events.length)} />
              <StatTile label="Missing seqs" value={formatCount(data.missingSeqCount)} />
              <StatTile label="Highest seq" value={data.maxSeq ?? "—"} />
            </StatGrid>
            {data.truncated && <p className="hint">Only the first {data.events.length} events are listed.</p>}
            <Panel title="Events by seq">
              <TimelineList events={data.events} />
            </Panel>
          </>
        )}
      </QueryView>
    </NamesProvider>
  );
}
