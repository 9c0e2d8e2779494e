import { useState, type ReactNode } from "react";
import { EmptyState } from "./empty-state.tsx";
import { pageOf, sortRows, type SortDirection, type SortValue } from "./sort-rows.ts";
import { TablePager } from "./table-pager.tsx";

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Present for sortable columns. */
  sortValue?: (row: Row) => SortValue;
  isNumeric?: boolean;
}

interface DataTableProps<Row> {
  /** Names the table for screen readers. */
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  emptyMessage: string;
  pageSize?: number;
  initialSort?: { key: string; direction: SortDirection };
  rowClassName?: (row: Row) => string | undefined;
  /** Makes rows open something (a detail panel) on click; links and buttons inside a row keep their own clicks. */
  onRowSelect?: (row: Row) => void;
  selectedKey?: string | null;
}

/** A click that landed on something interactive inside the row is that thing's, not the row's. */
function isOwnClick(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("a, button, summary, input, label") !== null;
}

/** A table sortable by any column with a sortValue, cut into pages; sorting goes back to page one. */
export function DataTable<Row>({ caption, columns, rows, rowKey, emptyMessage, pageSize = 10, initialSort, rowClassName, onRowSelect, selectedKey }: DataTableProps<Row>) {
  const [sort, setSort] = useState(initialSort ?? null);
  const [page, setPage] = useState(0);
  if (rows.length === 0) return <EmptyState message={emptyMessage} />;

  const sortColumn = columns.find((column) => column.key === sort?.key);
  const sorted = sort && sortColumn?.sortValue ? sortRows(rows, sortColumn.sortValue, sort.direction) : [...rows];
  const current = pageOf(sorted, page, pageSize);
  const sortBy = (key: string) => {
    setSort((previous) => ({ key, direction: previous?.key === key && previous.direction === "descending" ? "ascending" : "descending" }));
    setPage(0);
  };

  return (
    <div className="data-table">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.isNumeric ? "numeric" : undefined} aria-sort={sort?.key === column.key ? sort.direction : undefined}>
                {column.sortValue ? (
                  <button type="button" className="sort-button" onClick={() => sortBy(column.key)}>
                    {column.header}
                    <span aria-hidden="true">{sort?.key === column.key ? (sort.direction === "ascending" ? " ▲" : " ▼") : " ↕"}</span>
                  </button>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {current.rows.map((row) => (
            <tr
              key={rowKey(row)}
              className={[rowClassName?.(row), onRowSelect && "is-selectable", selectedKey === rowKey(row) && "is-selected"].filter(Boolean).join(" ") || undefined}
              aria-selected={onRowSelect ? selectedKey === rowKey(row) : undefined}
              onClick={onRowSelect ? (event) => !isOwnClick(event.target) && onRowSelect(row) : undefined}
            >
              {columns.map((column) => (
                <td key={column.key} className={column.isNumeric ? "numeric" : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {current.pageCount > 1 && <TablePager label={caption} page={current.page} pageCount={current.pageCount} rowCount={rows.length} onPage={setPage} />}
    </div>
  );
}
