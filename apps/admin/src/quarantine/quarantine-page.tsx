import { useId } from "react";
import { trpc } from "../api/admin-api.ts";
import { useSearchParams } from "../routing/use-search-params.ts";
import { EmptyState } from "../ui/empty-state.tsx";
import { formatTime } from "../ui/format.ts";
import { QueryView } from "../ui/query-view.tsx";
import { QuarantineGroup } from "./quarantine-group.tsx";

const windows = [1, 7, 30, 90] as const;
const DEFAULT_WINDOW_DAYS = 7;

export function QuarantinePage() {
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get("days"));
  const windowDays = (windows as readonly number[]).includes(requested) ? requested : DEFAULT_WINDOW_DAYS;
  const quarantine = trpc.admin.quarantine.useQuery({ windowDays, limit: 50 });
  const selectId = useId();

  return (
    <>
      <div className="page-head">
        <h1>Quarantine</h1>
        <div className="field-inline">
          <label htmlFor={selectId}>Window</label>
          <select id={selectId} value={windowDays} onChange={(event) => setParams({ days: event.target.value }, { replace: true })}>
            {windows.map((days) => (
              <option key={days} value={days}>
                {days === 1 ? "1 day" : `${days} days`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint">Rejected events are never dropped: each is kept here with its reason and the raw body as received.</p>
      <QueryView query={quarantine} what="the quarantine">
        {(data) =>
          data.groups.length === 0 ? (
            <EmptyState message={`Nothing was rejected since ${formatTime(data.windowStart)} UTC.`} />
          ) : (
            data.groups.map((group) => <QuarantineGroup key={group.code} group={group} />)
          )
        }
      </QueryView>
    </>
  );
}
