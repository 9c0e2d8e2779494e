import { useState } from "react";
import { friendlyError } from "../api/friendly-error.ts";
import { NamesProvider } from "../names/names-context.tsx";
import { useSearchParams } from "../routing/use-search-params.ts";
import { FriendlyError } from "../ui/friendly-error.tsx";
import { LoadingNote } from "../ui/loading-note.tsx";
import { Panel } from "../ui/panel.tsx";
import { EventDetailPanel } from "./event-detail-panel.tsx";
import { EventFiltersForm, type FilterDraft } from "./event-filters-form.tsx";
import { EventTable } from "./event-table.tsx";
import { filterParams, filtersFromParams } from "./explorer-filters.ts";
import { useEventPages } from "./use-event-pages.ts";

export function EventExplorerPage() {
  const [params, setParams] = useSearchParams();
  const { filters, ignored } = filtersFromParams(params);
  const pages = useEventPages(filters);
  const events = pages.data?.pages.flatMap((page) => page.events) ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = events.find((event) => event.id === selectedId) ?? null;
  const loadMoreError = pages.isFetchNextPageError ? friendlyError(pages.error, "the next page of events") : null;

  const apply = (draft: FilterDraft) =>
    setParams({
      [filterParams.types]: draft.types,
      [filterParams.families]: draft.families,
      [filterParams.userId]: draft.userId,
      [filterParams.sessionId]: draft.sessionId,
      [filterParams.from]: draft.from,
      [filterParams.to]: draft.to,
    });

  return (
    <>
      <h1>Event explorer</h1>
      {/* Keyed by the address so that back/forward puts the form back to the filters shown. */}
      <EventFiltersForm key={params.toString()} filters={filters} onApply={apply} />
      {ignored.length > 0 && (
        <p className="friendly-error" role="alert">
          Ignored filters that are not valid: {ignored.join(", ")}; fix them in the form and apply again.
        </p>
      )}
      <Panel title="Events, newest first">
        {pages.isPending ? (
          <LoadingNote label="Loading events…" />
        ) : pages.isError ? (
          <FriendlyError message={friendlyError(pages.error, "the event log")} />
        ) : (
          <>
            <p className="hint" role="status">
              Showing {events.length} event{events.length === 1 ? "" : "s"}
              {pages.hasNextPage ? "; more match." : "; that is all that match."}
            </p>
            <NamesProvider learnerIds={events.map((event) => event.userId)} questionIds={events.map((event) => event.questionId)}>
              {selected && <EventDetailPanel event={selected} onClose={() => setSelectedId(null)} />}
              <EventTable
                caption="Events"
                events={events}
                emptyMessage="No event matches these filters."
                onSelect={(event) => setSelectedId(event.id)}
                selectedId={selectedId}
              />
            </NamesProvider>
            {pages.hasNextPage && (
              <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
                {pages.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            )}
            <FriendlyError message={loadMoreError} />
          </>
        )}
      </Panel>
    </>
  );
}
