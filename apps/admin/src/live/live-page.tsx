import { FriendlyError } from "../ui/friendly-error.tsx";
import { Panel } from "../ui/panel.tsx";
import { LiveEventList } from "./live-event-list.tsx";
import { LiveStatusBadge } from "./live-status.tsx";
import { useLiveEvents } from "./use-live-events.ts";

export function LivePage() {
  const live = useLiveEvents();
  return (
    <>
      <div className="page-head">
        <h1>Live events</h1>
        <LiveStatusBadge status={live.status} />
      </div>
      <FriendlyError message={live.error} />
      <Panel title={`${live.received} event${live.received === 1 ? "" : "s"} since this page opened`}>
        <LiveEventList events={live.events} />
      </Panel>
    </>
  );
}
