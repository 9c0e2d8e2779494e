import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter, retryDelay } from "./retry.ts";

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("5")).toBe(5000);
  });

  it("reads an HTTP date relative to now", () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(parseRetryAfter("Tue, 01 Jan 2030 00:00:07 GMT", now)).toBe(7000);
  });

  it("treats a date in the past as no wait", () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(parseRetryAfter("Mon, 31 Dec 2029 23:59:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("backoffDelay", () => {
  it("stays below base × 2^attempt (full jitter)", () => {
    expect(backoffDelay(0, 500, () => 0.999)).toBeLessThan(500);
    expect(backoffDelay(2, 500, () => 0.999)).toBeLessThan(2000);
    expect(backoffDelay(2, 500, () => 0.999)).toBeGreaterThan(1900);
    expect(backoffDelay(3, 500, () => 0)).toBe(0);
  });
});

describe("retryDelay", () => {
  it("waits as long as Retry-After asks even when the backoff would be shorter", () => {
    expect(retryDelay(0, 500, "3", () => 0)).toBe(3000);
  });

  it("falls back to backoff without a Retry-After header", () => {
    expect(retryDelay(1, 500, null, () => 0.5)).toBe(500);
  });
});
