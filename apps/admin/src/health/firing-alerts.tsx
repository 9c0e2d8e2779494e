import type { IngestionAlert } from "@chronicle/contracts/api";

/**
 * Seed 000's recommended alerts. Firing ones sit at the top of the page in an alert region, so
 * they are the first thing staff see and screen readers announce them.
 */
export function FiringAlerts({ alerts }: { alerts: readonly IngestionAlert[] }) {
  const firing = alerts.filter((alert) => alert.isFiring);
  if (firing.length === 0) {
    return (
      <p className="all-clear" role="status">
        No alert is firing ({alerts.length} checked: rejection rate, insert failures, batch-size anomalies).
      </p>
    );
  }
  return (
    <section className="alerts" role="alert" aria-labelledby="firing-alerts-title">
      <h2 id="firing-alerts-title">
        {firing.length} alert{firing.length === 1 ? "" : "s"} firing
      </h2>
      <ul>
        {firing.map((alert) => (
          <li key={alert.name}>
            <strong>{alert.message}</strong> <small>({alert.name}: {alert.value} against a threshold of {alert.threshold})</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
