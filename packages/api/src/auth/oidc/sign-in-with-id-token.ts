import type { BrowserSignInRole, OidcSignInOutput } from "@chronicle/contracts";
import type { ServerEnv } from "../../env.ts";
import { signDevToken } from "../sign-dev-token.ts";
import { oidcSettingsOf, type OidcSettings } from "./oidc-settings.ts";
import { roleClaimValues, rolesGranted } from "./roles-of-claims.ts";
import { userIdOfSubject } from "./user-id-of-subject.ts";
import { createIdTokenVerifier, type IdTokenVerifier } from "./verify-id-token.ts";

/** A Chronicle token from OIDC sign-in lives a working day, or less when CHRONICLE_MAX_TOKEN_AGE_SECONDS says so. */
const SIGNED_IN_TOKEN_SECONDS = 8 * 3600;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a sign-in was refused, sorted into what the caller should do: configure, sign in again, ask for access, or wait. */
export type OidcSignInRefusal = { kind: "not-configured" | "invalid-token" | "no-access" | "provider-unreachable"; message: string };

export type OidcSignInResult = { ok: true; value: OidcSignInOutput } | { ok: false; refusal: OidcSignInRefusal };

/** One ID token verifier per server env, so the provider's keys are fetched once, not per sign-in. */
const verifiers = new WeakMap<ServerEnv, { settings: OidcSettings; verify: IdTokenVerifier }>();

function verifierFor(env: ServerEnv) {
  let entry = verifiers.get(env);
  if (!entry) {
    const settings = oidcSettingsOf(env);
    if (!settings) return null;
    entry = { settings, verify: createIdTokenVerifier(settings) };
    verifiers.set(env, entry);
  }
  return entry;
}

function userIdOf(claims: Record<string, unknown> & { sub: string }, settings: OidcSettings): string | { problem: string } {
  if (!settings.userIdClaim) return userIdOfSubject(settings.issuer, claims.sub);
  const value = claims[settings.userIdClaim];
  if (typeof value === "string" && UUID.test(value) && !/^[0-]+$/.test(value)) return value.toLowerCase();
  return { problem: `Your account's '${settings.userIdClaim}' claim must hold your Chronicle id, a UUID; ask your identity provider's administrator to set it.` };
}

/**
 * The second half of OIDC sign-in: the browser did authorization code + PKCE with the provider
 * and hands over the ID token; this verifies it, reads the role claim and answers a Chronicle
 * token for the person, so every other procedure keeps verifying one kind of token.
 */
export async function signInWithIdToken(env: ServerEnv, idToken: string, role: BrowserSignInRole): Promise<OidcSignInResult> {
  const verifier = verifierFor(env);
  if (!verifier) return { ok: false, refusal: { kind: "not-configured", message: "This Chronicle has no OpenID Connect sign-in; set CHRONICLE_OIDC_ISSUER and CHRONICLE_OIDC_CLIENT_ID, or sign in with a token." } };
  const { settings, verify } = verifier;
  const checked = await verify(idToken);
  if (checked.status === "unreachable") return { ok: false, refusal: { kind: "provider-unreachable", message: checked.problem } };
  if (checked.status === "invalid") return { ok: false, refusal: { kind: "invalid-token", message: checked.problem } };

  const values = roleClaimValues(checked.claims, settings.roleClaim);
  if (values === undefined) {
    return { ok: false, refusal: { kind: "no-access", message: `Your account has no '${settings.roleClaim}' claim, so Chronicle cannot tell your role; ask your identity provider's administrator to add it to the ID token.` } };
  }
  if (!rolesGranted(values, settings).includes(role)) {
    const article = role === "admin" ? "an" : "a";
    return { ok: false, refusal: { kind: "no-access", message: `Your account's '${settings.roleClaim}' claim (${values.join(", ") || "empty"}) does not make you ${article} ${role}; ask your administrator for ${role} access.` } };
  }
  const userId = userIdOf(checked.claims, settings);
  if (typeof userId !== "string") return { ok: false, refusal: { kind: "no-access", message: userId.problem } };

  const lifetime = Math.min(SIGNED_IN_TOKEN_SECONDS, env.CHRONICLE_MAX_TOKEN_AGE_SECONDS);
  // The same HS256 signing as development tokens, but for a person the provider vouched for.
  const token = await signDevToken(env, { role, sub: userId, expiresIn: `${lifetime}s` });
  return { ok: true, value: { token, userId, role, expiresAt: new Date(Date.now() + lifetime * 1000).toISOString() } };
}
