import type { AdminIngestionHealthOutput } from "@chronicle/contracts/api";
import { formatCount, formatDecimal, formatMs, formatPercent } from "../ui/format.ts";
import { StatGrid } from "../ui/stat-grid.tsx";
import { StatTile } from "../ui/stat-tile.tsx";

function isAlertFiring(health: AdminIngestionHealthOutput, name: AdminIngestionHealthOutput["alerts"][number]["name"]): boolean {
  return health.alerts.some((alert) => alert.name === name && alert.isFiring);
}

/** The numbers seed 000 asks to watch: rate, rejections, duplicates, insert latency and failures. */
export function HealthHeadline({ health }: { health: AdminIngestionHealthOutput }) {
  const { totals, insertLatencyMs: latency } = health;
  return (
    <StatGrid label="Ingestion in this window">
      <StatTile label="Events/s" value={formatDecimal(health.eventsPerSecond)} hint={`${formatCount(totals.eventsReceived)} events in ${formatCount(totals.batches)} batches`} />
      <StatTile label="Accepted" value={formatCount(totals.accepted)} />
      <StatTile label="Rejection rate" value={formatPercent(health.rejectionRate)} hint={`${formatCount(totals.rejected)} rejected, ${formatCount(totals.conflicts)} conflicts`} isWarning={isAlertFiring(health, "rejection_rate")} />
      <StatTile label="Duplicate rate" value={formatPercent(health.duplicateRate)} hint={`${formatCount(totals.duplicates)} duplicates`} />
      <StatTile label="Insert latency p50" value={formatMs(latency.p50)} />
      <StatTile label="p95" value={formatMs(latency.p95)} />
      <StatTile label="p99" value={formatMs(latency.p99)} />
      <StatTile
        label="Failed inserts"
        value={formatCount(health.failedInserts.batches)}
        hint={`${formatPercent(health.failedInserts.rate)} of batches; ${formatCount(health.failedInserts.sinceProcessStart)} since start`}
        isWarning={isAlertFiring(health, "insert_failure_rate")}
      />
    </StatGrid>
  );
}
