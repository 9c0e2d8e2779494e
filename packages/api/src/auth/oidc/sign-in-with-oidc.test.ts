import { databaseTargets } from "@chronicle/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../../env.ts";
import { clientEvent, createTestServer, listen, makeExamSession, type RunningServer, type TestServer } from "../../testing/index.ts";
import { startTestOidcProvider, type TestOidcProvider } from "../../testing/test-oidc-provider.ts";
import { userIdOfSubject } from "./user-id-of-subject.ts";

const CLIENT_ID = "chronicle-apps";

// A real OpenID provider publishes the keys (discovery + JWKS over HTTP); the tokens are signed
// with its key directly, to reach claims its sign-in form would never produce.
describe.each(databaseTargets())("OpenID Connect sign-in on %s", (driver) => {
  let provider: TestOidcProvider;
  let stranger: TestOidcProvider;
  let server: TestServer;
  let http: RunningServer;

  beforeAll(async () => {
    [provider, stranger] = await Promise.all([startTestOidcProvider({}), startTestOidcProvider({})]);
    provider.registerClient(CLIENT_ID, ["http://127.0.0.1:1/"]);
    stranger.registerClient(CLIENT_ID, ["http://127.0.0.1:1/"]);
    server = await createTestServer(driver, { CHRONICLE_OIDC_ISSUER: provider.issuer, CHRONICLE_OIDC_CLIENT_ID: CLIENT_ID, CHRONICLE_OIDC_ADMIN_VALUES: "admin,staff" });
    http = await listen(server.deps);
  });
  afterAll(async () => {
    await http?.close();
    await server?.close();
    await provider?.close();
    await stranger?.close();
  });

  const signIn = (idToken: string, role: "learner" | "admin") => http.post("/trpc/auth.signInWithOidc", { idToken, role });

  it("gives a learner a Chronicle token that the learner procedures accept, under a stable id derived from issuer and sub", async () => {
    const first = await signIn(await provider.signIdToken({ sub: "ada", chronicle_role: "learner" }), "learner");
    expect(first.status).toBe(200);
    const { token, userId, role } = first.json.result.data;
    expect({ userId, role }).toEqual({ userId: userIdOfSubject(provider.issuer, "ada"), role: "learner" });
    const again = await signIn(await provider.signIdToken({ sub: "ada", chronicle_role: "learner" }), "learner");
    expect(again.json.result.data.userId).toBe(userId);

    const exam = await makeExamSession(server.db, userId);
    const ingest = await http.post("/trpc/telemetry.ingest", { source: "web", events: [clientEvent("PAUSE_BLUR", exam.sessionId)] }, token);
    expect(ingest.status).toBe(200);
  });

  it("gives the admin role to any configured admin value, in a list claim", async () => {
    const response = await signIn(await provider.signIdToken({ sub: "grace", chronicle_role: ["learner", "staff"] }), "admin");
    expect(response.status).toBe(200);
    const admin = await http.post("/trpc/admin.ingestionHealth", {}, response.json.result.data.token);
    expect(admin.status).not.toBe(403);
  });

  it("refuses an account without the role claim, naming the claim", async () => {
    const response = await signIn(await provider.signIdToken({ sub: "nobody" }), "learner");
    expect(response.status).toBe(403);
    expect(response.json.error.message).toBe(
      "Your account has no 'chronicle_role' claim, so Chronicle cannot tell your role; ask your identity provider's administrator to add it to the ID token.",
    );
  });

  it("refuses a learner asking for the admin app", async () => {
    const response = await signIn(await provider.signIdToken({ sub: "ada", chronicle_role: "learner" }), "admin");
    expect(response.status).toBe(403);
    expect(response.json.error.message).toBe("Your account's 'chronicle_role' claim (learner) does not make you an admin; ask your administrator for admin access.");
  });

  it("refuses an expired ID token", async () => {
    const response = await signIn(await provider.signIdToken({ sub: "ada", chronicle_role: "learner" }, { expiresInSeconds: -120 }), "learner");
    expect(response.status).toBe(401);
    expect(response.json.error.message).toBe("The identity provider's ID token has expired; sign in again.");
  });

  it("refuses an ID token for another application", async () => {
    const response = await signIn(await provider.signIdToken({ sub: "ada", chronicle_role: "learner" }, { audience: "some-other-app" }), "learner");
    expect(response.status).toBe(401);
    expect(response.json.error.message).toBe("The ID token was issued for another application, not client 'chronicle-apps'; sign in with the app's button.");
    const shared = await signIn(await provider.signIdToken({ sub: "ada", chronicle_role: "learner", azp: "some-other-app" }, { audience: ["some-other-app", CLIENT_ID] }), "learner");
    expect(shared.status).toBe(401);
  });

  it("refuses an ID token naming another issuer, and one signed by another provider's key", async () => {
    const otherIssuer = await signIn(await provider.signIdToken({ sub: "ada", chronicle_role: "admin" }, { issuer: stranger.issuer }), "admin");
    expect(otherIssuer.status).toBe(401);
    expect(otherIssuer.json.error.message).toBe(`The ID token was issued by someone other than ${provider.issuer}, the identity provider this Chronicle trusts; sign in with the app's button.`);
    const forged = await signIn(await stranger.signIdToken({ sub: "ada", chronicle_role: "admin" }, { issuer: provider.issuer }), "admin");
    expect(forged.status).toBe(401);
    expect(forged.json.error.message).toBe(`The ID token's signature does not match ${provider.issuer}'s published keys; sign in again.`);
  });

  it("says when the provider cannot be reached", async () => {
    const unreachable = await createTestServer(driver, { CHRONICLE_OIDC_ISSUER: "http://127.0.0.1:9/", CHRONICLE_OIDC_CLIENT_ID: CLIENT_ID });
    try {
      const idToken = await provider.signIdToken({ sub: "ada", chronicle_role: "learner" });
      await expect(unreachable.anonymous().auth.signInWithOidc({ idToken, role: "learner" })).rejects.toMatchObject({
        code: "BAD_GATEWAY",
        message: expect.stringMatching(/^The identity provider's discovery document at http:\/\/127\.0\.0\.1:9\/\.well-known\/openid-configuration could not be read/),
      });
    } finally {
      await unreachable.close();
    }
  });

  it("tells the apps which issuer and client to use, and offers development sign-in outside production only", async () => {
    expect(await server.anonymous().auth.signInOptions()).toEqual({ oidc: { issuer: provider.issuer, clientId: CLIENT_ID, scopes: "openid" }, isDevSignInAvailable: true });
    const production = await createTestServer(driver, { NODE_ENV: "production", CHRONICLE_JWT_SECRET: "p".repeat(40) });
    try {
      expect(await production.anonymous().auth.signInOptions()).toEqual({ oidc: null, isDevSignInAvailable: false });
      const idToken = await provider.signIdToken({ sub: "ada", chronicle_role: "learner" });
      await expect(production.anonymous().auth.signInWithOidc({ idToken, role: "learner" })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/has no OpenID Connect sign-in/) });
    } finally {
      await production.close();
    }
  });
});

describe("OIDC settings in the environment", () => {
  it("refuse an issuer without a client id, and OIDC without a secret to sign Chronicle's own tokens", () => {
    expect(() => loadEnv({ CHRONICLE_OIDC_ISSUER: "https://id.example.com" })).toThrow(
      "Invalid environment: set CHRONICLE_OIDC_CLIENT_ID, the apps' client id at the provider, together with CHRONICLE_OIDC_ISSUER.",
    );
    expect(() => loadEnv({ CHRONICLE_OIDC_ISSUER: "https://id.example.com", CHRONICLE_OIDC_CLIENT_ID: "apps", CHRONICLE_JWKS_URL: "https://id.example.com/jwks" })).toThrow(
      "Invalid environment: OIDC sign-in needs CHRONICLE_JWT_SECRET, because Chronicle signs its own token for each person the provider signs in.",
    );
    expect(() => loadEnv({ CHRONICLE_OIDC_SCOPES: "profile email" })).toThrow("CHRONICLE_OIDC_SCOPES must include openid");
  });
});
