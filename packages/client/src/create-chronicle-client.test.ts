import { describe, expect, it } from "vitest";
import { createChronicleClient } from "./create-chronicle-client.ts";

const sessionId = "0190a5c8-0000-7000-8000-00000000000a";

function recordingFetch() {
  const calls: Array<{ url: string; headers: Headers; body: unknown }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) });
    const output = { batch_id: sessionId, accepted: 1, duplicates: 0, rejected: 0, rejected_reasons_sample: [], results: [] };
    return Response.json([{ result: { data: output } }]);
  };
  return { fetch, calls };
}

describe("createChronicleClient", () => {
  it("calls the procedure under /trpc with a fresh bearer token and plain JSON", async () => {
    const { fetch, calls } = recordingFetch();
    let issued = 0;
    const client = createChronicleClient({ url: "https://chronicle.test/", token: async () => `token-${(issued += 1)}`, fetch });
    const input = { source: "web" as const, events: [{ id: sessionId, session_id: sessionId, event_type: "SESSION_EXPIRED" as const, payload: {} }] };

    const output = await client.telemetry.ingest.mutate(input);
    await client.telemetry.ingest.mutate(input);

    expect(output.accepted).toBe(1);
    expect(calls[0]?.url).toBe("https://chronicle.test/trpc/telemetry.ingest?batch=1");
    expect(calls[0]?.body).toEqual({ 0: input });
    expect(calls.map((call) => call.headers.get("authorization"))).toEqual(["Bearer token-1", "Bearer token-2"]);
  });
});
