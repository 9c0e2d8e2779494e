import type { OidcSignInOutput, SignInOptions } from "@chronicle/contracts";
import { codeChallengeOf, randomBase64url } from "./pkce.ts";
import type { TabTokenStore } from "./tab-token-store.ts";

export type OidcProvider = NonNullable<SignInOptions["oidc"]>;
export type OidcSignInRole = "learner" | "admin";

/** What the app remembers across the trip to the provider, in this tab only. */
interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
  tokenEndpoint: string;
  /** Where the person was when they clicked sign in, restored afterwards. */
  returnTo: string;
}

const pendingKey = (role: OidcSignInRole) => `chronicle.oidc.pending.${role}`;

async function discover(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  try {
    const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, { headers: { accept: "application/json" } });
    const document = (await response.json()) as { authorization_endpoint?: unknown; token_endpoint?: unknown };
    if (response.ok && typeof document.authorization_endpoint === "string" && typeof document.token_endpoint === "string") {
      return { authorization_endpoint: document.authorization_endpoint, token_endpoint: document.token_endpoint };
    }
  } catch {
    // Said below in one sentence.
  }
  throw new Error(`We could not reach your organisation's sign-in service at ${issuer}; try again in a moment.`);
}

/**
 * Step 1 of authorization code + PKCE: remembers a fresh verifier, state and nonce for this tab
 * and sends the browser to the provider, which comes back to `redirectUri` with a code.
 */
export async function startOidcSignIn(provider: OidcProvider, role: OidcSignInRole, redirectUri: string, navigate: (url: string) => void = (url) => window.location.assign(url)): Promise<void> {
  const endpoints = await discover(provider.issuer);
  const pending: PendingSignIn = {
    state: randomBase64url(),
    nonce: randomBase64url(),
    verifier: randomBase64url(),
    issuer: provider.issuer,
    clientId: provider.clientId,
    redirectUri,
    tokenEndpoint: endpoints.token_endpoint,
    returnTo: window.location.pathname + window.location.search,
  };
  sessionStorage.setItem(pendingKey(role), JSON.stringify(pending));
  const url = new URL(endpoints.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: provider.clientId,
    redirect_uri: redirectUri,
    scope: provider.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await codeChallengeOf(pending.verifier),
    code_challenge_method: "S256",
  }).toString();
  navigate(url.toString());
}

/** True when this page load is the provider sending the browser back (a code or an error, with state). */
export function isOidcCallback(url: string = window.location.href): boolean {
  const params = new URL(url).searchParams;
  return params.has("state") && (params.has("code") || params.has("error"));
}

function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split(".")[1] ?? "";
  return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "="))) as Record<string, unknown>;
}

async function exchangeCode(pending: PendingSignIn, code: string): Promise<string> {
  let body: { id_token?: unknown; error?: unknown; error_description?: unknown };
  try {
    const response = await fetch(pending.tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: pending.redirectUri, client_id: pending.clientId, code_verifier: pending.verifier }),
    });
    body = (await response.json()) as typeof body;
  } catch {
    throw new Error("We could not reach your organisation's sign-in service to finish signing in; try again.");
  }
  if (typeof body.id_token !== "string") {
    throw new Error(`Your organisation's sign-in service did not sign you in (${String(body.error_description ?? body.error ?? "no ID token")}); try again.`);
  }
  // The nonce ties the ID token to this very sign-in, so one replayed from elsewhere is refused.
  if (claimsOf(body.id_token).nonce !== pending.nonce) throw new Error("The sign-in answer was not for this sign-in; start again.");
  return body.id_token;
}

async function chronicleTokenFor(idToken: string, role: OidcSignInRole): Promise<OidcSignInOutput> {
  let body: { result?: { data?: OidcSignInOutput }; error?: { message?: string } };
  try {
    const response = await fetch("/trpc/auth.signInWithOidc", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ idToken, role }) });
    body = (await response.json()) as typeof body;
  } catch {
    throw new Error("We could not reach the Chronicle server to finish signing in; check that it is running and try again.");
  }
  if (!body.result?.data) throw new Error(body.error?.message ?? "The Chronicle server did not sign you in; try again.");
  return body.result.data;
}

/**
 * Step 2, on the page the provider sent the browser back to: checks state, trades the code (with
 * the PKCE verifier) for an ID token at the provider, trades that at the Chronicle server for a
 * Chronicle token of `role`, keeps it in `store`, and puts the address back as it was. Throws an
 * Error whose message a person can act on.
 */
export async function finishOidcSignIn(role: OidcSignInRole, store: TabTokenStore, url: string = window.location.href): Promise<void> {
  const params = new URL(url).searchParams;
  const saved = sessionStorage.getItem(pendingKey(role));
  sessionStorage.removeItem(pendingKey(role));
  const pending = saved ? (JSON.parse(saved) as PendingSignIn) : null;
  window.history.replaceState(null, "", pending?.returnTo ?? new URL(url).pathname);
  if (!pending || params.get("state") !== pending.state) throw new Error("This sign-in was not started in this tab, or it was already used; sign in again.");
  // RFC 9207: a provider that names itself must be the one this sign-in went to.
  const issuer = params.get("iss");
  if (issuer !== null && issuer !== pending.issuer) throw new Error("The sign-in answer came from another sign-in service; sign in again.");
  const error = params.get("error");
  if (error !== null) {
    throw new Error(error === "access_denied" ? "The sign-in was cancelled or refused; sign in again when you are ready." : `Your organisation's sign-in service refused the sign-in (${params.get("error_description") ?? error}); try again.`);
  }
  const idToken = await exchangeCode(pending, params.get("code") ?? "");
  const signedIn = await chronicleTokenFor(idToken, role);
  store.save(signedIn.token);
}
