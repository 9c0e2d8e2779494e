import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerDeps } from "../context.ts";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";
import { createChronicleHttp, type ChronicleHttp } from "./create-http-server.ts";

interface Served {
  http: ChronicleHttp;
  url: string;
}

async function serve(deps: ServerDeps, env: Record<string, unknown> = {}): Promise<Served> {
  const http = createChronicleHttp({ ...deps, env: { ...deps.env, ...env } });
  await new Promise<void>((ready) => http.server.listen(0, "127.0.0.1", () => ready()));
  const address = http.server.address();
  return { http, url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` };
}

/** What the edges answer: tRPC's envelope, or /readyz's reasons. */
interface Answer {
  error: { message: string; data: { reason: string } };
  result: { data: { accepted: number; status: string } };
  reasons: string[];
}
const json = async (response: Response): Promise<Answer> => (await response.json()) as Answer;

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("the HTTP edges", () => {
  let server: TestServer;
  let main: Served;
  let token: string;
  let sessionId: string;
  const batch = () => ({ source: "web", events: [clientEvent("PAUSE_BLUR", sessionId)] });
  const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${main.url}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers }, body });

  beforeAll(async () => {
    server = await createTestServer("pglite", { CHRONICLE_MAX_BODY_BYTES: "65536" });
    main = await serve(server.deps);
    const learner = makeLearner();
    sessionId = (await makeExamSession(server.db, learner)).sessionId;
    token = await server.token("learner", learner);
  }, 180_000);
  afterAll(async () => {
    await main?.http.close();
    await server?.close();
  });

  it("accepts only JSON media types: application/jsonx gets 415 and stores nothing", async () => {
    const refused = await post("/trpc/telemetry.ingest", JSON.stringify(batch()), { "content-type": "application/jsonx" });
    expect(refused.status).toBe(415);
    expect((await json(refused)).error.data.reason).toBe("unsupported_media_type");
    const plain = await post("/trpc/telemetry.ingest", JSON.stringify(batch()), { "content-type": "text/plain" });
    expect(plain.status).toBe(415);
    const accepted = await post("/trpc/telemetry.ingest", JSON.stringify(batch()), { "content-type": "application/json; charset=utf-8" });
    expect(accepted.status).toBe(200);
  });

  it("refuses a body nested deeper than the limit with 400 before parsing it", async () => {
    const response = await post("/trpc/telemetry.ingest", `{"source":"web","events":[{"payload":${nested(5000)}}]}`);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.data.reason).toBe("too_deeply_nested");
    expect(body.error.message).toMatch(/nested deeper than 64 levels/);
  });

  it("refuses a request carrying more than 10 mutations", async () => {
    const calls = Array.from({ length: 11 }, () => "telemetry.ingest");
    const body = Object.fromEntries(calls.map((_, i) => [String(i), batch()]));
    const response = await post(`/trpc/${calls.join(",")}?batch=1`, JSON.stringify(body));
    expect(response.status).toBe(400);
    expect((await json(response)).error.data.reason).toBe("batch_too_large");
    const ten = calls.slice(1);
    const allowed = await post(`/trpc/${ten.join(",")}?batch=1`, JSON.stringify(Object.fromEntries(ten.map((_, i) => [String(i), batch()]))));
    expect(allowed.status).toBe(200);
  });

  it("accepts a gzip body and applies the body limit to its decompressed size (413 for a zip bomb)", async () => {
    const small = await post("/trpc/telemetry.ingest", gzipSync(JSON.stringify(batch())), { "content-encoding": "gzip" });
    expect(small.status).toBe(200);
    expect((await json(small)).result.data.accepted).toBe(1);

    const bomb = gzipSync(JSON.stringify({ source: "web", events: [{ padding: " ".repeat(10 * 1024 * 1024) }] }));
    expect(bomb.length).toBeLessThan(65536);
    const refused = await post("/trpc/telemetry.ingest", bomb, { "content-encoding": "gzip" });
    expect(refused.status).toBe(413);
    expect((await json(refused)).error.data.reason).toBe("body_too_large");
  });

  it("compresses responses when the client accepts gzip", async () => {
    const input = encodeURIComponent(JSON.stringify({}));
    const response = await fetch(`${main.url}/trpc/health?input=${input}`, { headers: { "accept-encoding": "gzip" } });
    // fetch decompresses transparently; the header says what travelled.
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect((await json(response)).result.data.status).toBe("healthy");
  });

  it("answers a burst over the per-principal limit with 429 and Retry-After, other principals unaffected", async () => {
    const limited = await serve(server.deps, { CHRONICLE_RATE_LIMIT_MAX: 5, CHRONICLE_RATE_LIMIT_WINDOW_SECONDS: 60 });
    try {
      const send = (bearer: string) =>
        fetch(`${limited.url}/trpc/telemetry.ingest`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` }, body: JSON.stringify(batch()) });
      const statuses = [];
      for (let i = 0; i < 8; i += 1) statuses.push((await send(token)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      const refused = await send(token);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await json(refused)).error.data.reason).toBe("rate_limited");
      const other = await server.token("learner", makeLearner());
      expect((await send(other)).status).not.toBe(429);
    } finally {
      await limited.http.close();
    }
  });

  it("answers CORS preflights for the SDK's procedures from allowed origins only, without credentials", async () => {
    const cors = await serve(server.deps, { CHRONICLE_CORS_ORIGINS: "https://app.example" });
    try {
      const preflight = (origin: string) =>
        fetch(`${cors.url}/trpc/telemetry.ingest`, {
          method: "OPTIONS",
          headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
        });
      const allowed = await preflight("https://app.example");
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
      expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
      expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
      const refused = await preflight("https://evil.example");
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await cors.http.close();
    }
  });

  it("is live, and ready until it drains", async () => {
    const separate = await serve(server.deps);
    expect((await fetch(`${separate.url}/livez`)).status).toBe(200);
    const ready = await fetch(`${separate.url}/readyz`);
    expect(ready.status).toBe(200);
    separate.http.readiness.draining = true;
    const draining = await fetch(`${separate.url}/readyz`);
    expect(draining.status).toBe(503);
    expect((await json(draining)).reasons).toContain("the process is draining to stop");
    await separate.http.close();
  });
});

describe("readiness without a database", () => {
  it("answers /readyz 503 naming the database while /livez stays 200", async () => {
    const server = await createTestServer("pglite");
    const served = await serve(server.deps);
    try {
      await server.db.close();
      const response = await fetch(`${served.url}/readyz`);
      expect(response.status).toBe(503);
      expect((await json(response)).reasons.join(" ")).toMatch(/database did not answer/);
      expect((await fetch(`${served.url}/livez`)).status).toBe(200);
    } finally {
      await served.http.close();
    }
  }, 180_000);
});
