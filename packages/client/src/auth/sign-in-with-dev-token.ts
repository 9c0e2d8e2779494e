import type { TabTokenStore } from "./tab-token-store.ts";

export type DevSignInRole = "learner" | "admin";

/** Served by the Chronicle server outside production only; see packages/api/src/http/dev-sign-in.ts. */
const devSignInUrl = (role: DevSignInRole) => `/__chronicle/dev-token?role=${role}`;

const askForToken: Record<DevSignInRole, string> = {
  learner: "paste a learner token from your organisation below instead",
  admin: "sign in with your organisation's account, or paste an admin token below",
};

/**
 * Signs in as the development server's demo user of this role and keeps the token in `store`.
 * Throws an Error whose message a person can act on when the server is down or not a dev server.
 */
export async function signInWithDevToken(role: DevSignInRole, store: TabTokenStore): Promise<void> {
  let response: Response;
  try {
    response = await fetch(devSignInUrl(role), { headers: { accept: "application/json" } });
  } catch {
    throw new Error("We could not reach the server to sign you in; check that it is running and try again.");
  }
  const body = (await response.json().catch(() => null)) as { token?: unknown } | null;
  if (!response.ok || typeof body?.token !== "string") {
    throw new Error(`Development sign-in is not available on this server; ${askForToken[role]}.`);
  }
  store.save(body.token);
}
