import type { AdminEventRow } from "@chronicle/contracts/api";
import { useEffect, useRef } from "react";
import { LearnerName } from "../names/learner-name.tsx";
import { QuestionName } from "../names/question-name.tsx";
import { paths } from "../routing/routes.ts";
import { AppLink } from "../ui/app-link.tsx";
import { formatTime } from "../ui/format.ts";

/** One event in full: who, which session, which question, when (by both clocks) and the formatted payload. */
export function EventDetailPanel({ event, onClose }: { event: AdminEventRow; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [event.id]);
  return (
    <aside className="event-detail" aria-labelledby="event-detail-title">
      <div className="panel-head">
        <h3 id="event-detail-title" ref={heading} tabIndex={-1}>
          <code>{event.eventType}</code> v{event.eventVersion}
        </h3>
        <button type="button" onClick={onClose}>
          Close details
        </button>
      </div>
      <dl className="detail-list">
        <div>
          <dt>Learner</dt>
          <dd>
            <LearnerName id={event.userId} />
          </dd>
        </div>
        <div>
          <dt>Session</dt>
          <dd>
            <AppLink to={paths.session(event.sessionId)}>Open the session timeline</AppLink> <small>{event.sessionId}</small>
          </dd>
        </div>
        {event.questionId && (
          <div>
            <dt>Question</dt>
            <dd>
              <QuestionName id={event.questionId} />
            </dd>
          </div>
        )}
        <div>
          <dt>Event time (UTC)</dt>
          <dd>{formatTime(event.eventTs)}</dd>
        </div>
        <div>
          <dt>Client clock</dt>
          <dd>{formatTime(event.clientTs)}</dd>
        </div>
        <div>
          <dt>Family · source · seq</dt>
          <dd>
            {event.family} · {event.source ?? "server"} · {event.seq ?? "—"}
          </dd>
        </div>
        <div>
          <dt>Event id</dt>
          <dd>
            <code>{event.id}</code>
          </dd>
        </div>
      </dl>
      <pre className="payload-full" aria-label="Payload">
        {JSON.stringify(event.payload, null, 2)}
      </pre>
    </aside>
  );
}
