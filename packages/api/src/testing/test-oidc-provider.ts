import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import type { Page } from "playwright-core";

/** Extra claims of one account at the test provider, keyed by the login typed on its sign-in form. */
export type TestAccounts = Record<string, Record<string, unknown>>;

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`, the value for CHRONICLE_OIDC_ISSUER. */
  readonly issuer: string;
  /**
   * Registers the one public client (no secret, PKCE required) with the apps' redirect URIs,
   * known only once the Chronicle server listens; the provider answers from then on.
   */
  registerClient(clientId: string, redirectUris: string[]): void;
  /**
   * An ID token signed with the key this provider publishes in its JWKS, for server tests of
   * claims a real sign-in would not produce (expired, other audience, no role claim).
   */
  signIdToken(claims: Record<string, unknown>, options?: { expiresInSeconds?: number; issuer?: string; audience?: string | string[] }): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real OpenID Provider (the `oidc-provider` package, certified by the OpenID Foundation) on a
 * loopback port, with its development sign-in form: any login and password sign in as that
 * login, whose ID token carries the claims `accounts` gives it (the login itself is the `sub`).
 */
export async function startTestOidcProvider(accounts: TestAccounts, claimNames: string[] = ["chronicle_role"]): Promise<TestOidcProvider> {
  let handle: ((request: IncomingMessage, response: ServerResponse) => void) | null = null;
  const http = createServer((request, response) => {
    if (handle) return handle(request, response);
    response.writeHead(503).end("The test OpenID provider has no client registered yet.");
  });
  await new Promise<void>((ready) => http.listen(0, "127.0.0.1", () => ready()));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid: "test-signing-key", alg: "RS256", use: "sig" };

  return {
    issuer,
    registerClient(clientId, redirectUris) {
      const provider = new Provider(issuer, {
        clients: [{ client_id: clientId, token_endpoint_auth_method: "none", redirect_uris: redirectUris, grant_types: ["authorization_code"], response_types: ["code"] }],
        jwks: { keys: [signingJwk] },
        // Role claims in the ID token itself, as Chronicle reads them (most providers do this by default).
        conformIdTokenClaims: false,
        claims: { openid: ["sub", ...claimNames] },
        cookies: { keys: ["chronicle-test-oidc-cookie-key"] },
        clientBasedCORS: (_ctx, origin, client) => client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
        findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...(accounts[sub] ?? {}) }) }),
        features: { devInteractions: { enabled: true } },
        // Fixed lifetimes, short as a test needs, instead of the defaults oidc-provider warns about.
        ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
      });
      handle = provider.callback();
    },
    async signIdToken(claims, options = {}) {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: signingJwk.kid })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? "chronicle-apps")
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 600));
      return jwt.sign(privateKey);
    },
    async close() {
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
    },
  };
}

/** What a person types on the test provider's own sign-in and consent pages (oidc-provider's development forms). */
export async function signInAtTestProvider(page: Page, login: string): Promise<void> {
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}
