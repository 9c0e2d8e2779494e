import type { LiveStatus } from "./use-live-events.ts";

const labels: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Connection lost; reconnecting and resuming after the last event shown…",
  stopped: "Stopped",
};

export function LiveStatusBadge({ status }: { status: LiveStatus }) {
  return (
    <p className={`live-status is-${status}`} role="status">
      <span aria-hidden="true">●</span> {labels[status]}
    </p>
  );
}
