import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { discoverIssuer, IssuerUnreachableError } from "./discover-issuer.ts";
import type { OidcSettings } from "./oidc-settings.ts";

export type IdTokenCheck = { status: "valid"; claims: JWTPayload & { sub: string } } | { status: "invalid"; problem: string } | { status: "unreachable"; problem: string };

export type IdTokenVerifier = (idToken: string) => Promise<IdTokenCheck>;

/** Asymmetric algorithms only: a provider's ID token is never signed with a secret Chronicle shares. */
const ID_TOKEN_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

function explain(error: unknown, settings: OidcSettings): string {
  if (error instanceof errors.JWTExpired) return "The identity provider's ID token has expired; sign in again.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return `The ID token was issued by someone other than ${settings.issuer}, the identity provider this Chronicle trusts; sign in with the app's button.`;
    if (error.claim === "aud") return `The ID token was issued for another application, not client '${settings.clientId}'; sign in with the app's button.`;
    if (error.reason === "missing") return `The ID token has no ${error.claim} claim; sign in again.`;
    return `The ID token's ${error.claim} claim is not accepted (${error.reason}); sign in again.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "The ID token's signing algorithm is not allowed; ask your identity provider's administrator to sign ID tokens with RS256 or ES256.";
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return `The ID token's signature does not match ${settings.issuer}'s published keys; sign in again.`;
  }
  return "The ID token could not be verified; sign in again.";
}

/**
 * Verifies the provider's ID tokens: signature against the keys its discovery document publishes
 * (fetched once, refetched by jose when an unknown key id appears), iss exactly the configured
 * issuer, aud the apps' client id, and exp, iat and sub present. A failed discovery is retried at
 * the next sign-in rather than remembered.
 */
export function createIdTokenVerifier(settings: OidcSettings): IdTokenVerifier {
  let keys: Promise<JWTVerifyGetKey> | null = null;
  const keysOfIssuer = () => {
    keys ??= discoverIssuer(settings.issuer).then((metadata) => createRemoteJWKSet(new URL(metadata.jwks_uri)));
    keys.catch(() => (keys = null));
    return keys;
  };
  return async (idToken) => {
    let getKey: JWTVerifyGetKey;
    try {
      getKey = await keysOfIssuer();
    } catch (error) {
      return { status: "unreachable", problem: error instanceof IssuerUnreachableError ? error.message : "The identity provider could not be reached; try again in a moment." };
    }
    try {
      const { payload } = await jwtVerify(idToken, getKey, {
        issuer: settings.issuer,
        audience: settings.clientId,
        algorithms: ID_TOKEN_ALGORITHMS,
        requiredClaims: ["exp", "iat", "sub"],
      });
      // OIDC Core §3.1.3.7: with several audiences, azp must name this client.
      if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== settings.clientId) {
        return { status: "invalid", problem: `The ID token was issued for another application, not client '${settings.clientId}'; sign in with the app's button.` };
      }
      return { status: "valid", claims: payload as JWTPayload & { sub: string } };
    } catch (error) {
      const isKeyFetchFailure = !(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid;
      if (isKeyFetchFailure) return { status: "unreachable", problem: `The keys of ${settings.issuer} could not be read; try again in a moment.` };
      return { status: "invalid", problem: explain(error, settings) };
    }
  };
}
