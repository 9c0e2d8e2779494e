import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChronicleHttp, type ChronicleHttp } from "../http/create-http-server.ts";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../testing/index.ts";
import { producerProcedures } from "./producer-procedures.ts";

describe("the OpenAPI document and its REST paths", () => {
  let server: TestServer;
  let http: ChronicleHttp;
  let url: string;
  beforeAll(async () => {
    server = await createTestServer("pglite");
    http = createChronicleHttp(server.deps);
    await new Promise<void>((ready) => http.server.listen(0, "127.0.0.1", () => ready()));
    url = `http://127.0.0.1:${(http.server.address() as { port: number }).port}`;
  }, 180_000);
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });

  it("serves a valid OpenAPI 3.1 document with a path per producer procedure, generated from the contracts", async () => {
    const response = await fetch(`${url}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(producerProcedures.map((p) => p.path).sort());
    // The input schema is the contract's: the batch's `events` and `source` are there.
    expect(Object.keys(document.components.schemas.TelemetryIngestInput!.properties ?? {})).toEqual(expect.arrayContaining(["events", "source"]));
  });

  it("stores events sent with plain HTTP to a generated path, and answers contract errors with 400", async () => {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    const token = await server.token("learner", learner);
    const post = (body: unknown) =>
      fetch(`${url}/api/telemetry/ingest`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

    const stored = await post({ source: "web", events: [clientEvent("PAUSE_BLUR", sessionId)] });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({ accepted: 1, rejected: 0 });

    const invalid = await post({ source: "web" });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(/^Invalid input: events/);

    const anonymous = await fetch(`${url}/api/telemetry/ingest`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(anonymous.status).toBe(401);
  });
});
