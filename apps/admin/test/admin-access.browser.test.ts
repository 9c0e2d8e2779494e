import { appRouter } from "@chronicle/api/router";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminServer, type AdminServer } from "./support/admin-server.ts";

/** Inputs that pass validation, so a refusal can only come from the role. */
const validInputs: Record<string, unknown> = {
  "admin.sessionTimeline": { sessionId: randomUUID() },
  "admin.learner": { userId: randomUUID() },
  "admin.topic": { topicId: randomUUID() },
};

/**
 * Every admin procedure the running router has, so a new one is covered the day it is added.
 * tRPC types _def.procedures like the nested router, but at run time it is the flat map of paths.
 */
const adminProcedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>)
  .filter(([path]) => path.startsWith("admin."))
  .map(([path, procedure]) => ({ path, type: procedure._def.type }));

// No browser needed: these are the HTTP calls the admin app makes, sent with a learner's token.
describe("a learner's token reaches no admin procedure over HTTP", () => {
  let server: AdminServer;
  let learnerToken: string;
  beforeAll(async () => {
    server = await startAdminServer();
    learnerToken = await server.backend.token("learner", randomUUID());
  });
  afterAll(async () => {
    await server?.close();
  });

  it("finds the admin procedures to check", () => {
    expect(adminProcedures.map((procedure) => procedure.path)).toEqual(expect.arrayContaining(["admin.ingestionHealth", "admin.events", "admin.live"]));
  });

  it.each(adminProcedures.filter((procedure) => procedure.type !== "subscription"))("$path ($type) answers 403 FORBIDDEN", async ({ path, type }) => {
    const input = validInputs[path] ?? {};
    const authorization = { authorization: `Bearer ${learnerToken}` };
    const response =
      type === "mutation"
        ? await fetch(`${server.url}/trpc/${path}`, { method: "POST", headers: { ...authorization, "content-type": "application/json" }, body: JSON.stringify(input) })
        : await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: authorization });
    const body = (await response.json()) as { error?: { data?: { code?: string; httpStatus?: number } } };
    expect(response.status).toBe(403);
    expect(body.error?.data).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
  });

  // tRPC always answers a subscription as an event stream, whose 200 is sent before the procedure
  // runs; the refusal is then its only event, carrying the same code and HTTP status, and no data.
  it.each(adminProcedures.filter((procedure) => procedure.type === "subscription"))("$path ($type) sends only a 403 FORBIDDEN error event", async ({ path }) => {
    const input = encodeURIComponent(JSON.stringify(validInputs[path] ?? {}));
    const response = await fetch(`${server.url}/trpc/${path}?input=${input}`, { headers: { authorization: `Bearer ${learnerToken}`, accept: "text/event-stream" } });
    const text = await response.text();
    expect(text).toContain("event: serialized-error");
    expect(text).toContain('"code":"FORBIDDEN"');
    expect(text).toContain('"httpStatus":403');
    expect(text).not.toMatch(/^id:/m);
  });

  it("refuses the admin.live stream the browser would open, token in connectionParams, with FORBIDDEN", async () => {
    const url = `${server.url}/trpc/admin.live?input=%7B%7D&connectionParams=${encodeURIComponent(JSON.stringify({ token: learnerToken }))}`;
    const response = await fetch(url, { headers: { accept: "text/event-stream" } });
    // An SSE response has started (200) before the procedure runs, so tRPC sends the refusal as an error event.
    const text = await response.text();
    expect(text).toContain("serialized-error");
    expect(text).toContain('"code":"FORBIDDEN"');
    expect(text).not.toMatch(/^id:/m);
  });
});
