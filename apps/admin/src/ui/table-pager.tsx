interface TablePagerProps {
  label: string;
  page: number;
  pageCount: number;
  rowCount: number;
  onPage: (page: number) => void;
}

export function TablePager({ label, page, pageCount, rowCount, onPage }: TablePagerProps) {
  return (
    <nav className="table-pager" aria-label={`${label} pages`}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0}>
        ← Previous page
      </button>
      <span>
        Page {page + 1} of {pageCount} ({rowCount} rows)
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pageCount - 1}>
        Next page →
      </button>
    </nav>
  );
}
