import type { adminLearnerSorts, AdminLearnersOutput } from "@chronicle/contracts/api";
import { useState, type FormEvent } from "react";
import { trpc } from "../api/admin-api.ts";
import { LearnerName } from "../names/learner-name.tsx";
import { AsOf } from "../ui/as-of.tsx";
import { EmptyState } from "../ui/empty-state.tsx";
import { formatCount, formatPercent, formatTime } from "../ui/format.ts";
import { QueryView } from "../ui/query-view.tsx";

const PAGE_SIZE = 25;
type Sort = (typeof adminLearnerSorts)[number];
const sortLabels: Record<Sort, string> = { lastActivity: "Last activity", sessions: "Sessions", xp: "XP", mastery: "Mastery" };

interface LearnerDirectoryProps {
  search: string;
  sort: Sort;
  page: number;
  onChange: (next: { search?: string; sort?: Sort; page?: number }) => void;
}

function DirectoryTable({ data, sort, onSort }: { data: AdminLearnersOutput; sort: Sort; onSort: (sort: Sort) => void }) {
  if (data.learners.length === 0) return <EmptyState message="No learner matches; search by the start of an id or part of a name." />;
  const sortHeader = (key: Sort) => (
    <th scope="col" className={key === "lastActivity" ? undefined : "numeric"} aria-sort={sort === key ? "descending" : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(key)}>
        {sortLabels[key]}
        <span aria-hidden="true">{sort === key ? " ▼" : " ↕"}</span>
      </button>
    </th>
  );
  return (
    <div className="data-table">
      <table>
        <caption className="visually-hidden">Learners</caption>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            {sortHeader("lastActivity")}
            {sortHeader("sessions")}
            <th scope="col" className="numeric">
              Level
            </th>
            {sortHeader("xp")}
            {sortHeader("mastery")}
          </tr>
        </thead>
        <tbody>
          {data.learners.map((row) => (
            <tr key={row.userId}>
              <td>
                <LearnerName id={row.userId} label={row} /> <small className="learner-id">{row.userId.slice(0, 8)}</small>
              </td>
              <td>{formatTime(row.lastActivityAt)}</td>
              <td className="numeric">{formatCount(row.sessions)}</td>
              <td className="numeric">{formatCount(row.level)}</td>
              <td className="numeric">{formatCount(row.totalXp)}</td>
              <td className="numeric">{formatPercent(row.masteryPercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every learner, searchable by id prefix or name and sortable; the page and sort live in the address. */
export function LearnerDirectory({ search, sort, page, onChange }: LearnerDirectoryProps) {
  const [draft, setDraft] = useState(search);
  const learners = trpc.admin.learners.useQuery({ search: search || undefined, sort, page, pageSize: PAGE_SIZE }, { placeholderData: (previous) => previous });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ search: draft.trim(), page: 1 });
  };
  return (
    <>
      <form className="lookup" role="search" onSubmit={submit}>
        <label className="field">
          Find a learner
          <input value={draft} onChange={(event) => setDraft(event.target.value)} placeholder="Name or the start of an id" spellCheck={false} />
        </label>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <QueryView query={learners} what="the learners">
        {(data) => {
          const pageCount = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <>
              <AsOf watermark={data.watermark} />
              <p className="hint" role="status">
                {formatCount(data.total)} learner{data.total === 1 ? "" : "s"}
                {search ? ` matching “${search}”` : ""}, by {sortLabels[sort].toLowerCase()}.
              </p>
              <DirectoryTable data={data} sort={sort} onSort={(next) => onChange({ sort: next, page: 1 })} />
              {pageCount > 1 && (
                <nav className="table-pager" aria-label="Learner pages">
                  <button type="button" onClick={() => onChange({ page: page - 1 })} disabled={page <= 1}>
                    ← Previous page
                  </button>
                  <span>
                    Page {page} of {pageCount}
                  </span>
                  <button type="button" onClick={() => onChange({ page: page + 1 })} disabled={page >= pageCount}>
                    Next page →
                  </button>
                </nav>
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
