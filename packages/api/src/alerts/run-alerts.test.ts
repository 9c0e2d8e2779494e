import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";
import { readAlertHistory } from "./record-alert-transitions.ts";
import { runAlerts } from "./run-alerts.ts";

interface Received {
  alert: string;
  state: string;
  value: number;
}

/** A webhook receiver that fails its first request (to prove the retry) and keeps what it got. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[]; requests: number }> {
  const state = { requests: 0, received: [] as Received[] };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      state.requests += 1;
      if (state.requests === 1) {
        res.writeHead(500).end();
        return;
      }
      state.received.push(JSON.parse(body) as Received);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", () => ready()));
  return Object.assign(state, { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` });
}

describe("alerts with nobody watching", () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await createTestServer("pglite", { CHRONICLE_ALERT_WEBHOOK_URL: receiver.url });
  }, 180_000);
  afterAll(async () => {
    receiver?.server.close();
    await server?.close();
  });

  it("fires the rejection-rate alert once, logs it, keeps it and POSTs it (retrying a failed delivery), then resolves it", async () => {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    // 1 valid event, 1 rejected: 50 % rejected, far above seed 000's 5 %.
    await server.learner(learner).telemetry.ingest({ source: "web", events: [clientEvent("PAUSE_BLUR", sessionId), { event_type: "NOT_A_TYPE" }] as never });
    const now = new Date();

    const fired = await runAlerts(server.deps, now, 10);
    expect(fired.map((t) => [t.name, t.state])).toEqual([["rejection_rate", "firing"]]);
    expect(server.log.lines).toContainEqual(expect.objectContaining({ level: "warn", message: "alert.firing", context: expect.objectContaining({ alert: "rejection_rate", value: 50 }) }));
    expect(receiver.requests).toBe(2);
    expect(receiver.received).toEqual([expect.objectContaining({ alert: "rejection_rate", state: "firing", value: 50 })]);

    // Still firing a minute later: no new transition, nothing sent again.
    expect(await runAlerts(server.deps, new Date(now.getTime() + 60_000), 10)).toEqual([]);
    expect(receiver.received).toHaveLength(1);

    // Once the bad batch leaves the 15-minute window, the alert resolves.
    const resolved = await runAlerts(server.deps, new Date(now.getTime() + 20 * 60_000), 10);
    expect(resolved.map((t) => [t.name, t.state])).toEqual([["rejection_rate", "resolved"]]);
    expect(receiver.received.map((r) => r.state)).toEqual(["firing", "resolved"]);
    expect(server.log.lines).toContainEqual(expect.objectContaining({ level: "info", message: "alert.resolved" }));

    const history = await readAlertHistory(server.db);
    expect(history.map((t) => [t.name, t.state])).toEqual([
      ["rejection_rate", "resolved"],
      ["rejection_rate", "firing"],
    ]);
  });

  it("shows the history on ingestion health", async () => {
    const admin = server.callerFor({ userId: makeLearner(), role: "admin", scopes: [] });
    const health = await admin.admin.ingestionHealth({ windowMinutes: 60 });
    expect(health.alertHistory.map((t) => t.state)).toEqual(["resolved", "firing"]);
  });
});
