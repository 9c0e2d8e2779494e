import { useSearchParams } from "../routing/use-search-params.ts";
import { EmptyState } from "../ui/empty-state.tsx";
import { IdLookupForm } from "../ui/id-lookup-form.tsx";
import { Panel } from "../ui/panel.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { GamificationTiles } from "./gamification-tiles.tsx";
import { KnowledgeGapsTable } from "./knowledge-gaps-table.tsx";
import { LearnerDailyChart } from "./learner-daily-chart.tsx";
import { LearnerWeeklyChart } from "./learner-weekly-chart.tsx";
import { MasteryTable } from "./mastery-table.tsx";
import { RecentSessionsTable } from "./recent-sessions-table.tsx";
import { useLearner } from "./use-learner.ts";

export function LearnerPage() {
  const [params, setParams] = useSearchParams();
  const userId = params.get("userId");
  const learner = useLearner(userId);

  return (
    <>
      <h1>Learner</h1>
      <IdLookupForm key={userId ?? ""} label="Learner id" value={userId ?? ""} onSubmit={(id) => setParams({ userId: id })} />
      {userId === null ? (
        <EmptyState message="Enter a learner id, or pick a learner in the event explorer." />
      ) : (
        <QueryView query={learner} what="the learner">
          {(data) => (
            <>
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
      )}
    </>
  );
}
