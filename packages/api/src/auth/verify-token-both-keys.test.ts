import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestOidcProvider, type TestOidcProvider } from "../testing/test-oidc-provider.ts";
import { createTestServer, type TestServer } from "../testing/index.ts";

// OIDC sign-in needs Chronicle's HS256 secret even where operators sign their own tokens with a
// JWKS key, so a server configured with both must accept both, each algorithm with its own key.
describe("a server with both CHRONICLE_JWT_SECRET and CHRONICLE_JWKS_URL", () => {
  let keys: TestOidcProvider;
  let server: TestServer;
  beforeAll(async () => {
    keys = await startTestOidcProvider({});
    keys.registerClient("unused", ["http://127.0.0.1:1/"]);
    server = await createTestServer("pglite", { CHRONICLE_JWT_SECRET: "s".repeat(40), CHRONICLE_JWKS_URL: `${keys.issuer}/jwks` });
  });
  afterAll(async () => {
    await server?.close();
    await keys?.close();
  });

  it("accepts Chronicle's own HS256 token and an RS256 token from the JWKS", async () => {
    const learner = randomUUID();
    const hs256 = await server.deps.verifyToken(`Bearer ${await server.token("learner", learner)}`);
    const rs256 = await server.deps.verifyToken(`Bearer ${await keys.signIdToken({ sub: learner, role: "admin" }, { issuer: "chronicle", audience: "chronicle-api" })}`);
    expect(hs256).toEqual({ status: "valid", principal: { userId: learner, role: "learner", scopes: [] } });
    expect(rs256).toEqual({ status: "valid", principal: { userId: learner, role: "admin", scopes: [] } });
  });

  it("still refuses an RS256 token whose key is not in the JWKS", async () => {
    const stranger = await startTestOidcProvider({});
    try {
      const token = await stranger.signIdToken({ sub: randomUUID(), role: "admin" }, { issuer: "chronicle", audience: "chronicle-api" });
      expect(await server.deps.verifyToken(`Bearer ${token}`)).toEqual({ status: "invalid", reason: "The token's signature does not verify." });
    } finally {
      await stranger.close();
    }
  });
});
