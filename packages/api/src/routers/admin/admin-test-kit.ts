import type { ClientEvent } from "@chronicle/contracts";
import { randomUUID } from "node:crypto";
import type { RawClientEvent, TestServer } from "../../testing/index.ts";

/** A fresh admin identity and its in-process caller. */
export function makeAdmin(server: TestServer): { adminId: string; caller: ReturnType<TestServer["callerFor"]> } {
  const adminId = randomUUID();
  return { adminId, caller: server.callerFor({ userId: adminId, role: "admin", scopes: [] }) };
}

/** Sends events through the real telemetry.ingest router as the learner, in batches of at most 50. */
export async function ingestAs(server: TestServer, learnerId: string, events: readonly RawClientEvent[]) {
  const results = [];
  for (let start = 0; start < events.length; start += 50) {
    // Fixtures travel as the wire does: untyped JSON checked by the router.
    results.push(await server.learner(learnerId).telemetry.ingest({ source: "web", events: events.slice(start, start + 50) as ClientEvent[] }));
  }
  return results;
}
