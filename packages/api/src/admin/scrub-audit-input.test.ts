import { describe, expect, it } from "vitest";
import { MAX_AUDIT_INPUT_CHARS, scrubAuditInput } from "./scrub-audit-input.ts";

describe("scrubAuditInput", () => {
  it("keeps ids, timestamps, numbers and booleans", () => {
    const input = { userId: "0190a5c8-1f2e-7a3b-8c4d-5e6f7a8b9c01", from: "2031-01-01T00:00:00.000Z", limit: 5, flag: true };
    expect(scrubAuditInput(input)).toEqual(input);
  });

  it("scrubs e-mail addresses, phone numbers and long digit runs from other text", () => {
    expect(scrubAuditInput({ q: "ann@example.com +34 600 123 456" })).toEqual({ q: "[email] [phone]" });
  });

  it("stores a too-large input as a truncated preview", () => {
    const stored = scrubAuditInput({ types: Array.from({ length: 50 }, () => "t".repeat(199)) }) as { truncated: boolean; preview: string };
    expect(stored.truncated).toBe(true);
    expect(stored.preview).toHaveLength(MAX_AUDIT_INPUT_CHARS);
  });

  it("stores no input as null", () => {
    expect(scrubAuditInput(undefined)).toBeNull();
  });
});
