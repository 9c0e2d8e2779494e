export type SortDirection = "ascending" | "descending";
export type SortValue = string | number | boolean | null | undefined;

/**
 * A sorted copy of `rows`: missing values last in either direction, ties kept in their given
 * order (Array.prototype.sort is stable), numbers by value and text by natural order.
 */
export function sortRows<Row>(rows: readonly Row[], valueOf: (row: Row) => SortValue, direction: SortDirection): Row[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = valueOf(a);
    const right = valueOf(b);
    const isLeftMissing = left === null || left === undefined;
    const isRightMissing = right === null || right === undefined;
    if (isLeftMissing || isRightMissing) return Number(isLeftMissing) - Number(isRightMissing);
    if (typeof left === "number" && typeof right === "number") return sign * (left - right);
    return sign * String(left).localeCompare(String(right), "en", { numeric: true });
  });
}

/** The rows of page `page` (0-based) and how many pages there are (at least one, so "Page 1 of 1" reads right). */
export function pageOf<Row>(rows: readonly Row[], page: number, pageSize: number): { rows: Row[]; pageCount: number; page: number } {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(Math.max(0, page), pageCount - 1);
  return { rows: rows.slice(current * pageSize, (current + 1) * pageSize), pageCount, page: current };
}
