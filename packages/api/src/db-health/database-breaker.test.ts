import { afterEach, describe, expect, it } from "vitest";
import { createDatabaseBreaker, DatabaseUnavailableError, type DatabaseBreaker } from "./database-breaker.ts";

/** A database whose answer to probes the test sets; each probe answers after `delayMs`. */
function fakeDatabase() {
  const state = { isUp: true, delayMs: 5, probes: 0 };
  const probe = async (timeoutMs: number) => {
    state.probes += 1;
    await new Promise((resolve) => setTimeout(resolve, Math.min(state.delayMs, timeoutMs)));
    return state.isUp && state.delayMs < timeoutMs;
  };
  return { state, probe };
}

const never = () => new Promise<never>(() => {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, ms = 2_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("the condition never held");
    await sleep(10);
  }
}

describe("the database breaker", () => {
  let breaker: DatabaseBreaker;
  afterEach(() => breaker?.stop());

  const make = (database: ReturnType<typeof fakeDatabase>) =>
    (breaker = createDatabaseBreaker({ probe: database.probe, probeTimeoutMs: 100, probeIntervalMs: 30, slowAfterMs: 60 }));

  it("lets work through while the database answers, and a slow query that the probe finds healthy finishes", async () => {
    const database = fakeDatabase();
    make(database);
    expect(await breaker.run(async () => 42)).toBe(42);
    expect(await breaker.run(() => sleep(150).then(() => "slow but fine"))).toBe("slow but fine");
    expect(breaker.status()).toMatchObject({ state: "closed", isAvailable: true });
  });

  it("opens only when a probe confirms a reported outage, then refuses at once", async () => {
    const database = fakeDatabase();
    make(database);
    breaker.reportUnavailable("a reset connection that the database survived");
    await sleep(40);
    expect(breaker.status().state).toBe("closed");

    database.state.isUp = false;
    breaker.reportUnavailable("connection refused");
    await until(() => breaker.status().state === "open");
    let ran = false;
    await expect(breaker.run(async () => (ran = true))).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(ran).toBe(false);
    expect(breaker.status()).toMatchObject({ isAvailable: false, reason: "connection refused" });
    expect(await breaker.check()).toBe(false);
  });

  it("refuses work stuck on a stalled network instead of waiting for it", async () => {
    const database = fakeDatabase();
    make(database);
    database.state.delayMs = 10_000;
    await expect(breaker.run(never)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(breaker.status().state).toBe("open");
  });

  it("stays closed when probes time out on a loaded process while the database still answers other queries", async () => {
    const database = fakeDatabase();
    let lastHeardAt = performance.now();
    const talking = setInterval(() => (lastHeardAt = performance.now()), 10);
    try {
      breaker = createDatabaseBreaker({ probe: database.probe, probeTimeoutMs: 100, probeIntervalMs: 30, slowAfterMs: 60, lastHeardAt: () => lastHeardAt });
      database.state.delayMs = 10_000;
      expect(await breaker.run(() => sleep(400).then(() => "slow, on a busy database"))).toBe("slow, on a busy database");
      expect(await breaker.check()).toBe(true);
      breaker.reportUnavailable("one connection reset");
      await sleep(200);
      expect(breaker.status().state).toBe("closed");
    } finally {
      clearInterval(talking);
    }
  });

  it("opens on stuck work once the database has gone silent, even if it spoke when the work started", async () => {
    const database = fakeDatabase();
    let lastHeardAt = performance.now();
    breaker = createDatabaseBreaker({ probe: database.probe, probeTimeoutMs: 100, probeIntervalMs: 30, slowAfterMs: 60, lastHeardAt: () => lastHeardAt });
    const stuck = breaker.run(never);
    await sleep(40);
    lastHeardAt = performance.now();
    database.state.delayMs = 10_000;
    const startedSilence = performance.now();
    await expect(stuck).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(performance.now() - startedSilence).toBeGreaterThanOrEqual(60);
    expect(breaker.status().state).toBe("open");
  });

  it("refuses every run in flight the moment it opens", async () => {
    const database = fakeDatabase();
    make(database);
    const first = breaker.run(never);
    const second = breaker.run(never);
    database.state.isUp = false;
    breaker.reportUnavailable("connection reset");
    await expect(first).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(second).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  it("recovers by itself: a probe half-opens it, and a success closes it", async () => {
    const database = fakeDatabase();
    make(database);
    database.state.isUp = false;
    breaker.reportUnavailable("connection refused");
    await until(() => breaker.status().state === "open");
    database.state.isUp = true;
    await until(() => breaker.status().state !== "open");
    expect(await breaker.run(async () => "back")).toBe("back");
    breaker.reportSuccess();
    expect(breaker.status()).toMatchObject({ state: "closed", unavailableSince: null, reason: null });
  });

  it("goes back to open when the half-open trial fails", async () => {
    const database = fakeDatabase();
    make(database);
    database.state.isUp = false;
    breaker.reportUnavailable("connection refused");
    await until(() => breaker.status().state === "open");
    database.state.isUp = true;
    await until(() => breaker.status().state === "half-open");
    database.state.isUp = false;
    breaker.reportUnavailable("refused again");
    expect(breaker.status().state).toBe("open");
  });
});
