import { describe, expect, it } from "vitest";
import { createUuidV7 } from "./uuid-v7.ts";

const uuidV7Shape = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function timestampOf(id: string): number {
  return Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
}

describe("createUuidV7", () => {
  it("lays out version 7 and variant 10 as RFC 9562 says", () => {
    const nextId = createUuidV7();
    for (let i = 0; i < 200; i += 1) expect(nextId()).toMatch(uuidV7Shape);
  });

  it("puts the Unix milliseconds in the first 48 bits", () => {
    const ms = Date.UTC(2030, 0, 1, 12, 0, 0, 123);
    expect(timestampOf(createUuidV7({ now: () => ms })())).toBe(ms);
  });

  it("sorts ids by creation time, also within one millisecond and when the clock steps back", () => {
    const clock = [1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_000, 1_699_999_999_000, 1_700_000_000_500];
    let tick = 0;
    const nextId = createUuidV7({ now: () => clock[Math.min(tick++, clock.length - 1)] ?? 0 });
    const ids = Array.from({ length: 4000 }, () => nextId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps increasing when one millisecond's counter runs out", () => {
    const nextId = createUuidV7({ now: () => 1_700_000_000_000, randomBytes: (bytes) => bytes.fill(0xff) });
    const ids = Array.from({ length: 5000 }, () => nextId());
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => uuidV7Shape.test(id))).toBe(true);
  });
});
