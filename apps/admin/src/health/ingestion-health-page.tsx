import { useSearchParams } from "../routing/use-search-params.ts";
import { formatTime } from "../ui/format.ts";
import { Panel } from "../ui/panel.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { BatchSizeChart } from "./batch-size-chart.tsx";
import { ClientBehaviourSummary, ClientBehaviourTable } from "./client-behaviour.tsx";
import { ClockSkewChart, ClockSkewSummary } from "./clock-skew-chart.tsx";
import { FiringAlerts } from "./firing-alerts.tsx";
import { HealthHeadline } from "./health-headline.tsx";
import { HealthWindowPicker } from "./health-window-picker.tsx";
import { windowMinutesFrom } from "./health-windows.ts";
import { ProjectionLagTable } from "./projection-lag-table.tsx";
import { RejectionReasonsTable } from "./rejection-reasons-table.tsx";
import { ThroughputChart } from "./throughput-chart.tsx";
import { useIngestionHealth } from "./use-ingestion-health.ts";

export function IngestionHealthPage() {
  const [params, setParams] = useSearchParams();
  const windowMinutes = windowMinutesFrom(params.get("window"));
  const health = useIngestionHealth(windowMinutes);

  return (
    <>
      <div className="page-head">
        <h1>Ingestion health</h1>
        <HealthWindowPicker minutes={windowMinutes} onChange={(minutes) => setParams({ window: String(minutes) }, { replace: true })} />
      </div>
      <QueryView query={health} what="ingestion health">
        {(data) => (
          <>
            <FiringAlerts alerts={data.alerts} />
            <p className="hint">
              {formatTime(data.windowStart)} to {formatTime(data.windowEnd)} UTC, refreshed every 10 s.
            </p>
            <HealthHeadline health={data} />
            <div className="panel-grid">
              <Panel title="Events per second">
                <ThroughputChart buckets={data.throughput} />
              </Panel>
              <Panel title="Batch sizes">
                <BatchSizeChart buckets={data.batchSizes} />
              </Panel>
              <Panel title="Rejections by reason">
                <RejectionReasonsTable reasons={data.topRejectionReasons} />
              </Panel>
              <Panel title="Clock skew">
                <ClockSkewSummary skew={data.clockSkew} />
                <ClockSkewChart skew={data.clockSkew} />
              </Panel>
            </div>
            <Panel title="Client behaviour">
              <ClientBehaviourSummary behaviour={data.clientBehaviour} />
              <ClientBehaviourTable behaviour={data.clientBehaviour} />
            </Panel>
            <Panel title="Projection lag">
              <ProjectionLagTable lags={data.projectionLag} />
            </Panel>
          </>
        )}
      </QueryView>
    </>
  );
}
