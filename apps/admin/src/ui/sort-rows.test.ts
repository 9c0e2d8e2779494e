import { describe, expect, it } from "vitest";
import { pageOf, sortRows } from "./sort-rows.ts";

describe("sortRows", () => {
  const rows = [{ n: 10, s: "b" }, { n: null, s: "a10" }, { n: 2, s: "a9" }, { n: 2, s: "c" }];

  it("orders numbers by value, not as text, and keeps missing values last either way", () => {
    expect(sortRows(rows, (r) => r.n, "ascending").map((r) => r.n)).toEqual([2, 2, 10, null]);
    expect(sortRows(rows, (r) => r.n, "descending").map((r) => r.n)).toEqual([10, 2, 2, null]);
  });

  it("keeps ties in their given order and sorts text naturally", () => {
    expect(sortRows(rows, (r) => r.n, "ascending").map((r) => r.s).slice(0, 2)).toEqual(["a9", "c"]);
    expect(sortRows(rows, (r) => r.s, "ascending").map((r) => r.s)).toEqual(["a9", "a10", "b", "c"]);
  });
});

describe("pageOf", () => {
  it("cuts pages and clamps a page past the end to the last one", () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    expect(pageOf(items, 0, 10)).toMatchObject({ rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], pageCount: 3, page: 0 });
    expect(pageOf(items, 7, 10)).toMatchObject({ rows: [20, 21, 22, 23, 24], page: 2 });
    expect(pageOf([], 0, 10)).toMatchObject({ rows: [], pageCount: 1, page: 0 });
  });
});
