import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { ServerEnv } from "../env.ts";
import { tokenClaims, type Principal, type Role } from "./principal.ts";

export type TokenCheck = { status: "none" } | { status: "invalid"; reason: string } | { status: "valid"; principal: Principal };

export type TokenVerifier = (authorizationHeader: string | undefined) => Promise<TokenCheck>;

/** Clocks disagree a little: an iat this far in the future is still accepted. */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;
/** Verified tokens remembered until their exp, so a client's repeated requests skip the signature check. */
const MAX_CACHED_TOKENS = 10_000;

type VerifierEnv = Pick<
  ServerEnv,
  "jwtSecret" | "CHRONICLE_JWKS_URL" | "CHRONICLE_JWT_ISSUER" | "CHRONICLE_JWT_AUDIENCE" | "CHRONICLE_MAX_TOKEN_AGE_SECONDS" | "CHRONICLE_MAX_SERVICE_TOKEN_AGE_SECONDS"
>;

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The token has expired; get a new one.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return `The token has no ${error.claim} claim; tokens must carry exp and iat.`;
    return `The token's ${error.claim} claim is not accepted here (${error.reason}); request a token for this Chronicle.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's signing algorithm is not allowed.";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The token's signature does not verify.";
  return "The token could not be verified; send a valid Bearer token.";
}

/** Token lifetime rules jose does not know: a cap on exp − iat per role, and no iat from the future. */
function lifetimeProblem(payload: JWTPayload, role: Role, env: VerifierEnv, nowSeconds: number): string | null {
  const iat = payload.iat!;
  const exp = payload.exp!;
  if (iat > nowSeconds + TOKEN_CLOCK_SKEW_SECONDS) return "The token's iat is in the future; check the issuer's clock and get a new token.";
  const maxAge = role === "service" ? env.CHRONICLE_MAX_SERVICE_TOKEN_AGE_SECONDS : env.CHRONICLE_MAX_TOKEN_AGE_SECONDS;
  if (exp - iat > maxAge) return `The token lives ${exp - iat} seconds from iat to exp; a ${role} token may live at most ${maxAge} seconds, get a shorter-lived one.`;
  return null;
}

/**
 * Verifies Bearer JWTs with pinned algorithms, issuer and audience: HS256 with the
 * configured secret, and/or RS256/ES256 keys from a JWKS URL. Every token needs exp and iat, may
 * live at most the configured age for its role, and names a real subject. The HS256 key is
 * imported once (jose would import it from the secret bytes on every call), and a verified
 * token is remembered until its exp.
 */
export function createTokenVerifier(env: VerifierEnv): TokenVerifier {
  const jwks: JWTVerifyGetKey | undefined = env.CHRONICLE_JWKS_URL ? createRemoteJWKSet(new URL(env.CHRONICLE_JWKS_URL)) : undefined;
  const hmacKey = env.jwtSecret
    ? crypto.subtle.importKey("raw", new TextEncoder().encode(env.jwtSecret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"])
    : undefined;
  // With both configured, Chronicle's own HS256 tokens (development, OIDC sign-in) and the
  // operator's RS256/ES256 tokens are both accepted; each algorithm is pinned to its own key.
  const algorithms = [...(hmacKey ? ["HS256"] : []), ...(jwks ? ["RS256", "ES256"] : [])];
  const keyFor: JWTVerifyGetKey = async (header, token) => (header.alg === "HS256" ? (await hmacKey)! : jwks!(header, token));
  const options = {
    issuer: env.CHRONICLE_JWT_ISSUER,
    audience: env.CHRONICLE_JWT_AUDIENCE,
    requiredClaims: ["exp", "iat", "sub"],
  };
  const verified = new Map<string, { principal: Principal; exp: number }>();

  const remember = (token: string, principal: Principal, exp: number) => {
    if (verified.size >= MAX_CACHED_TOKENS) {
      const nowSeconds = Date.now() / 1000;
      for (const [key, entry] of verified) if (entry.exp <= nowSeconds) verified.delete(key);
      if (verified.size >= MAX_CACHED_TOKENS) verified.clear();
    }
    verified.set(token, { principal, exp });
  };

  return async (header) => {
    if (!header) return { status: "none" };
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1];
    if (!token) return { status: "invalid", reason: "The Authorization header must be 'Bearer <token>'." };
    const nowSeconds = Math.floor(Date.now() / 1000);
    const cached = verified.get(token);
    if (cached) {
      if (cached.exp > nowSeconds) return { status: "valid", principal: cached.principal };
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, keyFor, { ...options, algorithms });
      const claims = tokenClaims.safeParse(payload);
      if (!claims.success) return { status: "invalid", reason: `The token is missing a claim: ${claims.error.issues[0]?.message}.` };
      const problem = lifetimeProblem(payload, claims.data.role, env, nowSeconds);
      if (problem) return { status: "invalid", reason: problem };
      const principal: Principal = { userId: claims.data.sub, role: claims.data.role, scopes: claims.data.scope?.split(" ").filter(Boolean) ?? [] };
      remember(token, principal, payload.exp!);
      return { status: "valid", principal };
    } catch (error) {
      return { status: "invalid", reason: explain(error) };
    }
  };
}
