import { tokenStore } from "./token-store.ts";

/** Served by the Chronicle server outside production only; see apps/server/src/http/dev-sign-in.ts. */
const DEV_SIGN_IN_URL = "/__chronicle/dev-token?role=admin";

/** Signs in as the demo admin and keeps the token for this tab. */
export async function signInAsDemoAdmin(): Promise<void> {
  let response: Response;
  try {
    response = await fetch(DEV_SIGN_IN_URL, { headers: { accept: "application/json" } });
  } catch {
    throw new Error("We could not reach the server to sign you in; check that it is running and try again.");
  }
  const body = (await response.json().catch(() => null)) as { token?: unknown } | null;
  if (!response.ok || typeof body?.token !== "string") {
    throw new Error("Development sign-in is not available on this server; ask for an admin token (npx chronicle token --role admin) instead.");
  }
  tokenStore.save(body.token);
}
