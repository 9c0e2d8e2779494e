import { describe, expect, it } from "vitest";
import { resolveSyncConflict } from "./resolve-sync-conflict.ts";
import { syncHealthOf } from "./sync-health.ts";

const version = (clientUpdatedAtMs: number, fingerprint = "a") => ({ clientUpdatedAtMs, fingerprint });

describe("resolving a sync conflict", () => {
  it("last-write-wins applies the later item and refuses an older or tied different one", () => {
    expect(resolveSyncConflict("last-write-wins", undefined, version(1))).toEqual({ apply: true, status: "synced" });
    expect(resolveSyncConflict("last-write-wins", version(1), version(2, "b"))).toEqual({ apply: true, status: "synced" });
    expect(resolveSyncConflict("last-write-wins", version(2), version(1, "b"))).toEqual({ apply: false, status: "conflict", resolution: "server" });
    expect(resolveSyncConflict("last-write-wins", version(2), version(2, "b"))).toEqual({ apply: false, status: "conflict", resolution: "server" });
    expect(resolveSyncConflict("last-write-wins", version(2), version(2))).toEqual({ apply: false, status: "duplicate" });
  });

  it("client-priority always applies, reporting the replacement of a newer server value", () => {
    expect(resolveSyncConflict("client-priority", version(2), version(1, "b"))).toEqual({ apply: true, status: "conflict", resolution: "client" });
    expect(resolveSyncConflict("client-priority", version(1), version(2, "b"))).toEqual({ apply: true, status: "synced" });
    expect(resolveSyncConflict("client-priority", version(2), version(2))).toEqual({ apply: false, status: "duplicate" });
  });
});

describe("sync health", () => {
  it("is good below 5 % failed items, degraded below 20 %, poor from 20 %", () => {
    expect(syncHealthOf(0, 0)).toBe("good");
    expect(syncHealthOf(4, 100)).toBe("good");
    expect(syncHealthOf(5, 100)).toBe("degraded");
    expect(syncHealthOf(19, 100)).toBe("degraded");
    expect(syncHealthOf(20, 100)).toBe("poor");
  });
});
