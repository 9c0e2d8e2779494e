import { describe, expect, it } from "vitest";
import { loadEnv } from "../env.ts";
import { retentionCutoff, retentionPolicy } from "./retention-policy.ts";

describe("the retention policy", () => {
  it("follows the product's rules by default: exam kept, study and sync 2 years, game 90 days, features 1 year, counters 30 days", () => {
    expect(retentionPolicy(loadEnv({}))).toEqual({ events: { exam: null, study: 730, game: 90, sync: 730 }, gameFeatures: 365, counterRows: 30, quarantine: 30 });
  });

  it("takes days or 'forever' per family from the environment", () => {
    const policy = retentionPolicy(loadEnv({ CHRONICLE_RETAIN_GAME_DAYS: "30", CHRONICLE_RETAIN_STUDY_DAYS: "forever", CHRONICLE_RETAIN_EXAM_DAYS: "3650" }));
    expect(policy.events).toEqual({ exam: 3650, study: null, game: 30, sync: 730 });
  });

  it("refuses a value that is not a number of days, saying which variable", () => {
    expect(() => loadEnv({ CHRONICLE_RETAIN_COUNTER_DAYS: "a month" })).toThrow(
      `Invalid environment: CHRONICLE_RETAIN_COUNTER_DAYS must be a whole number of days (1..36500) or "forever", got 'a month'.`,
    );
    expect(() => loadEnv({ CHRONICLE_RETAIN_GAME_DAYS: "0" })).toThrow(/CHRONICLE_RETAIN_GAME_DAYS must be a whole number of days/);
  });

  it("cuts at the start of a UTC day, so whole days go", () => {
    expect(retentionCutoff(new Date("2026-11-25T14:30:00Z"), 30).toISOString()).toBe("2026-10-26T00:00:00.000Z");
    expect(retentionCutoff(new Date("2026-03-01T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });
});
