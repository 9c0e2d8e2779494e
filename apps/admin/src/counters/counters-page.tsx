import { trpc } from "../api/admin-api.ts";
import { useSearchParams } from "../routing/use-search-params.ts";
import { Panel } from "../ui/panel.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { CounterCountsChart } from "./counter-counts-chart.tsx";
import { CounterCountsTable } from "./counter-counts-table.tsx";
import { CounterRates } from "./counter-rates.tsx";
import { DaysToggle, type CounterWindow } from "./days-toggle.tsx";

export function CountersPage() {
  const [params, setParams] = useSearchParams();
  const days: CounterWindow = params.get("days") === "30" ? 30 : 7;
  const summary = trpc.admin.counters.useQuery({ days });

  return (
    <>
      <div className="page-head">
        <h1>Suggestion counters</h1>
        <DaysToggle days={days} onChange={(choice) => setParams({ days: String(choice) }, { replace: true })} />
      </div>
      <p className="hint">Privacy-safe counts from every viewer over the last {days} days: only the event, its count and the time are stored.</p>
      <QueryView query={summary} what="the counters">
        {(data) => (
          <>
            <CounterRates summary={data} />
            <div className="panel-grid">
              <Panel title="Counts">
                <CounterCountsChart counts={data.counts} />
              </Panel>
              <Panel title="Raw counts">
                <CounterCountsTable counts={data.counts} />
              </Panel>
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}
