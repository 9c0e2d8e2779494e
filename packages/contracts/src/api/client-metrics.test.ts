import { describe, expect, it } from "vitest";
import { emptyClientMetrics, formatClientMetricsHeader, MAX_REPORTED_COUNT, parseClientMetricsHeader } from "./client-metrics.ts";

describe("the x-chronicle-client-metrics header", () => {
  it("reads back what the SDK formats", () => {
    const report = { ...emptyClientMetrics("mobile"), flushes: 2, requests: 3, retries: 1, events: 40, rejected: 2, dropped: 7 };
    expect(parseClientMetricsHeader(formatClientMetricsHeader(report))).toEqual(report);
  });

  it("takes an older SDK's report without source or flushes, and ignores keys it does not know", () => {
    expect(parseClientMetricsHeader("requests=4, retries=2,rejected=1,dropped=3,future=9")).toEqual({
      ...emptyClientMetrics(null),
      requests: 4,
      retries: 2,
      rejected: 1,
      dropped: 3,
    });
  });

  it("caps each count, so one client cannot move the figures by much", () => {
    expect(parseClientMetricsHeader("dropped=999999999")?.dropped).toBe(MAX_REPORTED_COUNT);
  });

  it.each([undefined, "", ["requests=1", "requests=2"], "requests=abc", "retries=-1", "retries=1.5", "retries", "a=b=c", "source=desktop", "dropped=1,".padEnd(201, "x")])(
    "ignores the malformed header %j",
    (header) => {
      expect(parseClientMetricsHeader(header)).toBeNull();
    },
  );
});
