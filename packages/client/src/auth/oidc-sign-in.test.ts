import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { finishOidcSignIn, isOidcCallback, startOidcSignIn } from "./oidc-sign-in.ts";
import { createTabTokenStore } from "./tab-token-store.ts";

const ISSUER = "https://id.example.com";
const APP = "https://chronicle.example.com";

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const idTokenWith = (claims: object) => `${encode({ alg: "RS256" })}.${encode(claims)}.c2lnbmF0dXJl`;

/** The browser this module runs in: an address bar, one tab's sessionStorage, and fetch. */
function fakeBrowser(responses: Record<string, unknown>) {
  const storage = new Map<string, string>();
  const location = { href: `${APP}/admin/counters`, pathname: "/admin/counters", search: "", assign: vi.fn() };
  const requests: { url: string; body: string }[] = [];
  vi.stubGlobal("sessionStorage", { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => storage.set(key, value), removeItem: (key: string) => storage.delete(key) });
  vi.stubGlobal("window", { location, history: { replaceState: (_state: unknown, _title: string, url: string) => Object.assign(location, { href: new URL(url, APP).toString() }) } });
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    requests.push({ url, body: String(init?.body ?? "") });
    const path = new URL(url, APP).pathname;
    return new Response(JSON.stringify(responses[path] ?? {}), { status: 200 });
  });
  return { location, requests };
}

describe("OIDC sign-in in the browser", () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  const discovery = { "/.well-known/openid-configuration": { authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token` } };

  async function startedSignIn(responses: Record<string, unknown>) {
    const browser = fakeBrowser({ ...discovery, ...responses });
    let authorizeUrl = "";
    await startOidcSignIn({ issuer: ISSUER, clientId: "apps", scopes: "openid" }, "admin", `${APP}/admin/`, (url) => (authorizeUrl = url));
    return { browser, authorize: new URL(authorizeUrl) };
  }

  it("sends the browser to the provider with PKCE S256, state and nonce, and finishes back where the person started", async () => {
    const { browser, authorize } = await startedSignIn({});
    expect(authorize.origin + authorize.pathname).toBe(`${ISSUER}/auth`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ response_type: "code", client_id: "apps", redirect_uri: `${APP}/admin/`, code_challenge_method: "S256" });
    const nonce = authorize.searchParams.get("nonce")!;
    const state = authorize.searchParams.get("state")!;
    vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
      browser.requests.push({ url, body: String(init?.body ?? "") });
      if (url === `${ISSUER}/token`) return new Response(JSON.stringify({ id_token: idTokenWith({ nonce }) }));
      return new Response(JSON.stringify({ result: { data: { token: "chronicle-token", userId: "x", role: "admin", expiresAt: "" } } }));
    });
    const callback = `${APP}/admin/?code=the-code&state=${state}&iss=${encodeURIComponent(ISSUER)}`;
    expect(isOidcCallback(callback)).toBe(true);
    const store = createTabTokenStore("chronicle.test.oidc");
    await finishOidcSignIn("admin", store, callback);

    expect(store.read()).toBe("chronicle-token");
    expect(browser.location.href).toBe(`${APP}/admin/counters`);
    const tokenRequest = new URLSearchParams(browser.requests.find((request) => request.url === `${ISSUER}/token`)!.body);
    expect(tokenRequest.get("code")).toBe("the-code");
    expect(tokenRequest.get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("refuses an answer whose state is not this tab's, or whose ID token carries another nonce", async () => {
    const store = createTabTokenStore("chronicle.test.oidc");
    await startedSignIn({});
    await expect(finishOidcSignIn("admin", store, `${APP}/admin/?code=c&state=someone-elses`)).rejects.toThrow(
      "This sign-in was not started in this tab, or it was already used; sign in again.",
    );
    const { authorize } = await startedSignIn({ "/token": { id_token: idTokenWith({ nonce: "replayed" }) } });
    await expect(finishOidcSignIn("admin", store, `${APP}/admin/?code=c&state=${authorize.searchParams.get("state")}`)).rejects.toThrow(
      "The sign-in answer was not for this sign-in; start again.",
    );
    expect(store.read()).toBeNull();
  });

  it("says so when the person cancelled at the provider", async () => {
    const { authorize } = await startedSignIn({});
    const callback = `${APP}/admin/?error=access_denied&state=${authorize.searchParams.get("state")}`;
    await expect(finishOidcSignIn("admin", createTabTokenStore("chronicle.test.oidc"), callback)).rejects.toThrow(
      "The sign-in was cancelled or refused; sign in again when you are ready.",
    );
  });
});
