import type { FastifyInstance } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { createTokenVerifier } from "../auth/verify-token.ts";
import { demoUsers } from "../auth/demo-users.ts";
import { loadEnv } from "../env.ts";
import { createDevSignInHandler } from "./dev-sign-in.ts";
import { serveMounts } from "./serve-mounts.test-support.ts";

const servers: FastifyInstance[] = [];

async function serveSignIn(nodeEnv: "development" | "production"): Promise<string> {
  const env = loadEnv({ NODE_ENV: nodeEnv, CHRONICLE_JWT_SECRET: "a-test-secret-that-is-long-enough-0123456789" });
  const { app, url } = await serveMounts(createDevSignInHandler(env));
  servers.push(app);
  return url;
}

describe("the development sign-in", () => {
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  it("hands out a token for the demo learner that the server accepts, never cached", async () => {
    const url = await serveSignIn("development");
    const response = await fetch(`${url}/__chronicle/dev-token?role=learner`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { token: string; userId: string };
    expect(body.userId).toBe(demoUsers.learner);
    const env = loadEnv({ NODE_ENV: "development", CHRONICLE_JWT_SECRET: "a-test-secret-that-is-long-enough-0123456789" });
    const check = await createTokenVerifier(env)(`Bearer ${body.token}`);
    expect(check).toMatchObject({ status: "valid", principal: { userId: demoUsers.learner, role: "learner" } });
  });

  it("hands out a token for the demo admin that the server accepts as staff", async () => {
    const url = await serveSignIn("development");
    const response = await fetch(`${url}/__chronicle/dev-token?role=admin`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { token: string; userId: string; role: string };
    expect(body).toMatchObject({ userId: demoUsers.admin, role: "admin" });
    const env = loadEnv({ NODE_ENV: "development", CHRONICLE_JWT_SECRET: "a-test-secret-that-is-long-enough-0123456789" });
    const check = await createTokenVerifier(env)(`Bearer ${body.token}`);
    expect(check).toMatchObject({ status: "valid", principal: { userId: demoUsers.admin, role: "admin" } });
  });

  it("refuses service and unknown roles, which keep using the CLI", async () => {
    const url = await serveSignIn("development");
    for (const role of ["service", "root", ""]) {
      const response = await fetch(`${url}/__chronicle/dev-token?role=${role}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_role" });
    }
  });

  it("does not exist in production, for either role", async () => {
    const url = await serveSignIn("production");
    expect((await fetch(`${url}/__chronicle/dev-token?role=learner`)).status).toBe(404);
    expect((await fetch(`${url}/__chronicle/dev-token?role=admin`)).status).toBe(404);
  });
});
