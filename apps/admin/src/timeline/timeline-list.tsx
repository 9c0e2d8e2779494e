import type { AdminEventRow } from "@chronicle/contracts/api";
import { PayloadPreview } from "../explorer/payload-preview.tsx";
import { QuestionName } from "../names/question-name.tsx";
import { EmptyState } from "../ui/empty-state.tsx";
import { formatTime } from "../ui/format.ts";
import { timelineEntries } from "./timeline-entries.ts";

export function TimelineList({ events }: { events: readonly AdminEventRow[] }) {
  if (events.length === 0) return <EmptyState message="This session has no events in the log." />;
  return (
    <ol className="timeline" aria-label="Session events in seq order">
      {timelineEntries(events).map((entry) =>
        entry.kind === "gap" ? (
          <li key={`gap-${entry.fromSeq}`} className="timeline-gap">
            <strong>Gap:</strong> seq {entry.fromSeq === entry.toSeq ? entry.fromSeq : `${entry.fromSeq}–${entry.toSeq}`} never arrived
          </li>
        ) : (
          <li key={entry.event.id}>
            <span className="timeline-seq">{entry.event.seq ?? "server"}</span>
            <code>{entry.event.eventType}</code>
            <span className="timeline-time">{formatTime(entry.event.eventTs)}</span>
            {entry.event.questionId && <QuestionName id={entry.event.questionId} />}
            <PayloadPreview payload={entry.event.payload} />
          </li>
        ),
      )}
    </ol>
  );
}
