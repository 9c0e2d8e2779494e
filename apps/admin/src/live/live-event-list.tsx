import type { AdminLiveEvent } from "@chronicle/contracts/api";
import { paths } from "../routing/routes.ts";
import { AppLink } from "../ui/app-link.tsx";
import { EmptyState } from "../ui/empty-state.tsx";
import { formatTime, shortId } from "../ui/format.ts";

/** Newest first; role="log" lets screen readers follow arrivals without re-reading the list. */
export function LiveEventList({ events }: { events: readonly AdminLiveEvent[] }) {
  if (events.length === 0) return <EmptyState message="Waiting for the next event; anything stored from now on appears here." />;
  return (
    <ol className="live-events" role="log" aria-label="Live events, newest first">
      {events.map((event) => (
        <li key={event.id} className="live-event">
          <span className="timeline-time">{formatTime(event.eventTs)}</span>
          <code>{event.type}</code>
          <span>{event.family}</span>
          <AppLink to={paths.learner(event.userId)} aria-label={`Learner ${event.userId}`}>
            learner {shortId(event.userId)}
          </AppLink>
          <AppLink to={paths.session(event.sessionId)} aria-label={`Session timeline ${event.sessionId}`}>
            session {shortId(event.sessionId)}
          </AppLink>
          <small>#{event.ingestSeq}</small>
        </li>
      ))}
    </ol>
  );
}
