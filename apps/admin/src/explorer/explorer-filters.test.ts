import { describe, expect, it } from "vitest";
import { filtersFromParams } from "./explorer-filters.ts";

describe("filtersFromParams", () => {
  it("reads repeated types and families, ids and a time range from the address", () => {
    const params = new URLSearchParams(
      "type=PAUSE_BLUR&type=session_start&family=exam&learner=0199a3b2-1c4d-7e5f-8a9b-0c1d2e3f4a5b&from=2026-01-20T12:00:00.000Z",
    );
    expect(filtersFromParams(params)).toEqual({
      filters: { types: ["PAUSE_BLUR", "session_start"], families: ["exam"], userId: "0199a3b2-1c4d-7e5f-8a9b-0c1d2e3f4a5b", from: "2026-01-20T12:00:00.000Z" },
      ignored: [],
    });
  });

  it("drops a filter the contract refuses and names it, keeping the others", () => {
    const reading = filtersFromParams(new URLSearchParams("session=not-a-uuid&family=exam&family=nonsense&to=yesterday"));
    expect(reading.filters).toEqual({ families: ["exam"] });
    expect(reading.ignored).toEqual(["session", "to"]);
  });
});
