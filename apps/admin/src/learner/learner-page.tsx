import { adminLearnerSorts } from "@chronicle/contracts/api";
import { trpc } from "../api/admin-api.ts";
import { LearnerDirectory } from "../learners/learner-directory.tsx";
import { learnerText } from "../names/learner-name.tsx";
import { paths } from "../routing/routes.ts";
import { useSearchParams } from "../routing/use-search-params.ts";
import { AppLink } from "../ui/app-link.tsx";
import { AsOf } from "../ui/as-of.tsx";
import { Panel } from "../ui/panel.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { GamificationTiles } from "./gamification-tiles.tsx";
import { KnowledgeGapsTable } from "./knowledge-gaps-table.tsx";
import { LearnerDailyChart } from "./learner-daily-chart.tsx";
import { LearnerWeeklyChart } from "./learner-weekly-chart.tsx";
import { MasteryTable } from "./mastery-table.tsx";
import { RecentSessionsTable } from "./recent-sessions-table.tsx";
import { useLearner } from "./use-learner.ts";

type Sort = (typeof adminLearnerSorts)[number];

/** The Learners area: the directory, or one learner's page when the address names them (`?userId=`). */
export function LearnerPage() {
  const [params, setParams] = useSearchParams();
  const userId = params.get("userId");
  if (userId === null) {
    const sortParam = params.get("sort");
    const sort: Sort = (adminLearnerSorts as readonly string[]).includes(sortParam ?? "") ? (sortParam as Sort) : "lastActivity";
    const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
    return (
      <>
        <h1>Learners</h1>
        <LearnerDirectory
          key={params.get("q") ?? ""}
          search={params.get("q") ?? ""}
          sort={sort}
          page={page}
          onChange={(next) =>
            setParams({
              ...(next.search !== undefined ? { q: next.search } : {}),
              ...(next.sort !== undefined ? { sort: next.sort === "lastActivity" ? null : next.sort } : {}),
              ...(next.page !== undefined ? { page: next.page === 1 ? null : String(next.page) } : {}),
            })
          }
        />
      </>
    );
  }
  return <OneLearner userId={userId} />;
}

function OneLearner({ userId }: { userId: string }) {
  const learner = useLearner(userId);
  const label = trpc.admin.learnerLabels.useQuery({ userIds: [userId] }, { staleTime: 5 * 60_000 });
  return (
    <>
      <p className="breadcrumb">
        <AppLink to={paths.learner()}>← All learners</AppLink>
      </p>
      <h1>
        {learnerText(label.data?.[0], userId)} <small className="learner-id">{userId}</small>
      </h1>
      <QueryView query={learner} what="the learner">
        {(data) => (
          <>
            <AsOf watermark={data.watermark} />
            <p className="hint">
              <AppLink to={paths.events({ learner: userId })}>This learner's events in the explorer</AppLink>
            </p>
            <Panel title="XP, level and streak">
              <GamificationTiles gamification={data.gamification} />
            </Panel>
            <div className="panel-grid">
              <Panel title="Daily activity">
                <LearnerDailyChart daily={data.daily} />
              </Panel>
              <Panel title="Weekly activity">
                <LearnerWeeklyChart weekly={data.weekly} />
              </Panel>
            </div>
            <Panel title="Topic mastery">
              <MasteryTable mastery={data.mastery} />
            </Panel>
            <Panel title="Knowledge gaps">
              <KnowledgeGapsTable gaps={data.knowledgeGaps} />
            </Panel>
            <Panel title="Recent sessions">
              <RecentSessionsTable sessions={data.recentSessions} />
            </Panel>
          </>
        )}
      </QueryView>
    </>
  );
}
