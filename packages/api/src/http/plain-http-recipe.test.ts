import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, listen, makeLearner, type RunningServer, type TestServer } from "../testing/index.ts";

/** The README's plain-HTTP recipe (`POST /trpc/<procedure>`) must work for procedures that take no input too. */
describe("the plain-HTTP recipe for a procedure without input", () => {
  let server: TestServer;
  let http: RunningServer;
  beforeAll(async () => {
    server = await createTestServer("pglite");
    http = await listen(server.deps);
  }, 180_000);
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });

  it.each([
    ["no body and no content type", {}],
    ["an empty JSON content type and no body", { "content-type": "application/json" }],
    ["an empty object", { "content-type": "application/json" }, "{}"],
  ] as const)("checks a learner in with %s", async (_case, headers, body?: string) => {
    const token = await server.token("learner", makeLearner());
    const response = await fetch(`${http.url}/trpc/gamification.checkin`, {
      method: "POST",
      headers: { ...headers, authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body }),
    });
    const json = (await response.json()) as { result?: { data?: unknown }; error?: unknown };
    expect({ status: response.status, error: json.error }).toEqual({ status: 200, error: undefined });
    expect(json.result?.data).toBeDefined();
  });
});
