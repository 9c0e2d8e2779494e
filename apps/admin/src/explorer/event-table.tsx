import type { AdminEventRow } from "@chronicle/contracts/api";
import { paths } from "../routing/routes.ts";
import { AppLink } from "../ui/app-link.tsx";
import { DataTable, type Column } from "../ui/data-table.tsx";
import { LearnerName } from "../names/learner-name.tsx";
import { QuestionName } from "../names/question-name.tsx";
import { formatTime, shortId } from "../ui/format.ts";
import { PayloadPreview } from "./payload-preview.tsx";

export const eventColumns: Column<AdminEventRow>[] = [
  { key: "time", header: "Time (UTC)", cell: (event) => formatTime(event.eventTs), sortValue: (event) => event.eventTs },
  { key: "type", header: "Type", cell: (event) => <code>{event.eventType}</code>, sortValue: (event) => event.eventType },
  { key: "family", header: "Family", cell: (event) => event.family, sortValue: (event) => event.family },
  { key: "seq", header: "Seq", cell: (event) => event.seq ?? "—", sortValue: (event) => event.seq, isNumeric: true },
  {
    key: "learner",
    header: "Learner",
    cell: (event) => <LearnerName id={event.userId} />,
    sortValue: (event) => event.userId,
  },
  {
    key: "session",
    header: "Session",
    cell: (event) => (
      <AppLink to={paths.session(event.sessionId)} aria-label={`Session timeline ${event.sessionId}`}>
        {shortId(event.sessionId)}
      </AppLink>
    ),
    sortValue: (event) => event.sessionId,
  },
  { key: "question", header: "Question", cell: (event) => (event.questionId ? <QuestionName id={event.questionId} /> : "—") },
  { key: "source", header: "Source", cell: (event) => event.source ?? "server", sortValue: (event) => event.source },
  { key: "payload", header: "Payload", cell: (event) => <PayloadPreview payload={event.payload} /> },
];

interface EventTableProps {
  caption: string;
  events: readonly AdminEventRow[];
  emptyMessage: string;
  /** Pages of the server's cursor are appended below, so the table itself shows them all. */
  pageSize?: number;
  /** When given, each row opens its details: on click anywhere in the row, or with its Details button. */
  onSelect?: (event: AdminEventRow) => void;
  selectedId?: string | null;
}

export function EventTable({ caption, events, emptyMessage, pageSize = 1000, onSelect, selectedId }: EventTableProps) {
  const columns: Column<AdminEventRow>[] = onSelect
    ? [
        ...eventColumns,
        {
          key: "details",
          header: "Details",
          cell: (event) => (
            <button type="button" className="link-button" onClick={() => onSelect(event)} aria-label={`Details of ${event.eventType} at ${formatTime(event.eventTs)}`}>
              Details
            </button>
          ),
        },
      ]
    : eventColumns;
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={events}
      rowKey={(event) => event.id}
      emptyMessage={emptyMessage}
      pageSize={pageSize}
      {...(onSelect ? { onRowSelect: onSelect, selectedKey: selectedId ?? null } : {})}
    />
  );
}
