import { trpc } from "../api/admin-api.ts";
import { paths } from "../routing/routes.ts";
import { useSearchParams } from "../routing/use-search-params.ts";
import { AppLink } from "../ui/app-link.tsx";
import { formatTime } from "../ui/format.ts";
import { NamesProvider } from "../names/names-context.tsx";
import { IdLookupForm } from "../ui/id-lookup-form.tsx";
import { AsOf } from "../ui/as-of.tsx";
import { Panel } from "../ui/panel.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { FeatureTrendChart } from "./feature-trend-chart.tsx";
import { GameSessionsTable } from "./game-sessions-table.tsx";
import { GameStudentsTable } from "./game-students-table.tsx";

export function GamePage() {
  const [params, setParams] = useSearchParams();
  const studentId = params.get("studentId") ?? undefined;
  const input = { ...(studentId ? { studentId } : {}) };
  const game = trpc.admin.game.useQuery(input);

  return (
    <>
      <h1>Game behaviour</h1>
      <IdLookupForm key={studentId ?? ""} label="Student id" value={studentId ?? ""} onSubmit={(id) => setParams({ studentId: id })} />
      {studentId && (
        <p className="hint">
          Showing one student. <AppLink to={paths.game()}>Show every student</AppLink>
        </p>
      )}
      <QueryView query={game} what="game behaviour">
        {(data) => (
          <NamesProvider learnerIds={[...data.students.map((row) => row.studentId), ...data.sessions.map((row) => row.studentId)]}>
            <AsOf watermark={data.watermark} />
            <p className="hint">
              Sessions closed from {formatTime(data.windowStart)} to {formatTime(data.windowEnd)} UTC
              {data.sessionsTruncated ? "; only the newest are listed." : "."}
            </p>
            <Panel title="Trend">
              <FeatureTrendChart trend={data.trend} />
            </Panel>
            <Panel title="Per student">
              <GameStudentsTable students={data.students} />
            </Panel>
            <Panel title="Per session">
              <GameSessionsTable sessions={data.sessions} />
            </Panel>
          </NamesProvider>
        )}
      </QueryView>
    </>
  );
}
