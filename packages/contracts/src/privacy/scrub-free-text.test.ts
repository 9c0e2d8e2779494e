import { describe, expect, it } from "vitest";
import { scrubFreeText } from "./scrub-free-text.ts";

describe("scrubFreeText", () => {
  it("replaces e-mail addresses", () => {
    expect(scrubFreeText("mail ana.lopez+x@school.edu now")).toBe("mail [email] now");
  });
  it("replaces phone numbers in common formats", () => {
    expect(scrubFreeText("call +1 (555) 123-4567 or 0612 345 678")).toBe("call [phone] or [phone]");
  });
  it("replaces IPv4 addresses and drops what PostgreSQL cannot store", () => {
    expect(scrubFreeText("from 192.168.1.20 via\u0000 v1.2.3")).toBe("from [ip] via v1.2.3");
  });
  it("replaces long digit runs but keeps short numbers", () => {
    expect(scrubFreeText("id 123456 in 2024 room 42")).toBe("id [number] in 2024 room 42");
  });
  it("caps the length in characters, not bytes", () => {
    expect(scrubFreeText("é".repeat(10), 4)).toBe("éééé");
  });
});
