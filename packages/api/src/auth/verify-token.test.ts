import { SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, listen, makeExamSession, makeLearner, type RunningServer, type TestServer } from "../testing/index.ts";

const secret = new TextEncoder().encode("chronicle-development-secret-do-not-use-in-production");

const nowSeconds = () => Math.floor(Date.now() / 1000);

function signed(
  claims: Record<string, unknown>,
  options: { audience?: string; issuer?: string; expiresAt?: number | null; issuedAt?: number | null; key?: Uint8Array } = {},
) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(String(claims.sub))
    .setIssuer(options.issuer ?? "chronicle")
    .setAudience(options.audience ?? "chronicle-api");
  if (options.expiresAt !== null) jwt.setExpirationTime(options.expiresAt ?? nowSeconds() + 600);
  if (options.issuedAt !== null) jwt.setIssuedAt(options.issuedAt ?? nowSeconds());
  return jwt.sign(options.key ?? secret);
}

describe("Bearer tokens on the HTTP API", () => {
  let server: TestServer;
  let http: RunningServer;
  let learner: string;
  let batch: { source: string; events: unknown[] };

  beforeAll(async () => {
    server = await createTestServer("pglite");
    http = await listen(server.deps);
    learner = makeLearner();
    const exam = await makeExamSession(server.db, learner);
    batch = { source: "web", events: [clientEvent("PAUSE_BLUR", exam.sessionId)] };
  });
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });

  const ingest = (token?: string) => http.post("/trpc/telemetry.ingest", batch, token);

  it("accepts a valid learner token", async () => {
    const response = await ingest(await server.token("learner", learner));
    expect(response.status).toBe(200);
    expect(response.json.result.data.accepted + response.json.result.data.duplicates).toBe(1);
  });

  it("answers 401 no_viewer without a token", async () => {
    const response = await ingest();
    expect(response.status).toBe(401);
    expect(response.json.error.data.reason).toBe("no_viewer");
  });

  it("answers 401 for an expired token and says so", async () => {
    const response = await ingest(await signed({ sub: learner, role: "learner" }, { expiresAt: Math.floor(Date.now() / 1000) - 60 }));
    expect(response.status).toBe(401);
    expect(response.json.error.message).toBe("The token has expired; get a new one.");
  });

  it("answers 401 for a token meant for another audience or issuer", async () => {
    const otherAudience = await ingest(await signed({ sub: learner, role: "learner" }, { audience: "someone-else" }));
    const otherIssuer = await ingest(await signed({ sub: learner, role: "learner" }, { issuer: "evil" }));
    expect(otherAudience.status).toBe(401);
    expect(otherAudience.json.error.message).toMatch(/aud claim/);
    expect(otherIssuer.json.error.message).toMatch(/iss claim/);
  });

  it("answers 401 for an unsigned alg:none token and for a wrong signature", async () => {
    const unsecured = new UnsecuredJWT({ role: "learner" }).setSubject(learner).setIssuer("chronicle").setAudience("chronicle-api").encode();
    const forged = await signed({ sub: learner, role: "learner" }, { key: new TextEncoder().encode("x".repeat(40)) });
    expect((await ingest(unsecured)).status).toBe(401);
    expect((await ingest(forged)).json.error.message).toBe("The token's signature does not verify.");
  });

  it("answers 403 for a token with the wrong role", async () => {
    const response = await ingest(await server.token("admin", learner));
    expect(response.status).toBe(403);
    expect(response.json.error.message).toBe("This call needs the learner role; your token's role is admin.");
  });

  it("answers 401 for a token without a UUID subject or a known role", async () => {
    expect((await ingest(await signed({ sub: "alice", role: "learner" }))).json.error.message).toMatch(/sub must be a UUID/);
    expect((await ingest(await signed({ sub: learner, role: "root" }))).json.error.message).toMatch(/role must be learner, admin or service/);
  });

  it("answers 401 for a token without exp or without iat", async () => {
    expect((await ingest(await signed({ sub: learner, role: "learner" }, { expiresAt: null }))).json.error.message).toBe(
      "The token has no exp claim; tokens must carry exp and iat.",
    );
    expect((await ingest(await signed({ sub: learner, role: "learner" }, { issuedAt: null }))).json.error.message).toBe(
      "The token has no iat claim; tokens must carry exp and iat.",
    );
  });

  it("answers 401 for a learner token living longer than 24 hours, such as exp 10 years ahead", async () => {
    const response = await ingest(await signed({ sub: learner, role: "learner" }, { expiresAt: nowSeconds() + 10 * 365 * 86_400 }));
    expect(response.status).toBe(401);
    expect(response.json.error.message).toMatch(/a learner token may live at most 86400 seconds/);
    const day = await ingest(await signed({ sub: learner, role: "learner" }, { expiresAt: nowSeconds() + 86_000 }));
    expect(day.status).toBe(200);
  });

  it("answers 401 for an iat in the future beyond a minute of clock skew", async () => {
    const future = await ingest(await signed({ sub: learner, role: "learner" }, { issuedAt: nowSeconds() + 3600, expiresAt: nowSeconds() + 7200 }));
    expect(future.json.error.message).toMatch(/iat is in the future/);
    expect((await ingest(await signed({ sub: learner, role: "learner" }, { issuedAt: nowSeconds() + 30 }))).status).toBe(200);
  });

  it("answers 401 for the nil UUID as subject", async () => {
    const response = await ingest(await signed({ sub: "00000000-0000-0000-0000-000000000000", role: "learner" }));
    expect(response.status).toBe(401);
    expect(response.json.error.message).toMatch(/nil UUID/);
  });

  it("lets a service token live up to 30 days, not a learner token", async () => {
    const week = nowSeconds() + 7 * 86_400;
    const service = await ingest(await signed({ sub: learner, role: "service" }, { expiresAt: week }));
    // Accepted as a token: refused only because telemetry.ingest is a learner procedure.
    expect(service.status).toBe(403);
    const learnerWeek = await ingest(await signed({ sub: learner, role: "learner" }, { expiresAt: week }));
    expect(learnerWeek.status).toBe(401);
  });
});
