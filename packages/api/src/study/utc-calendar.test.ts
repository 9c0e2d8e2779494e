import { describe, expect, it } from "vitest";
import { isoWeekStart, utcDay, wholeDaysBetween } from "./utc-calendar.ts";

describe("UTC calendar", () => {
  it("takes the UTC day of a timestamp, whatever its offset", () => {
    expect(utcDay("2025-03-09T23:59:59.999Z")).toBe("2025-03-09");
    expect(utcDay("2025-03-10T00:30:00+02:00")).toBe("2025-03-09");
  });

  it("starts ISO weeks on Monday", () => {
    expect(isoWeekStart("2025-03-10")).toBe("2025-03-10");
    expect(isoWeekStart("2025-03-09")).toBe("2025-03-03");
    expect(isoWeekStart("2025-01-01")).toBe("2024-12-30");
  });

  it("counts whole days between attempts, never negative", () => {
    expect(wholeDaysBetween("2025-03-01T12:00:00Z", "2025-03-04T11:59:59Z")).toBe(2);
    expect(wholeDaysBetween("2025-03-04T00:00:00Z", "2025-03-01T00:00:00Z")).toBe(0);
  });
});
