import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { ServerEnv } from "../env.ts";
import { tokenClaims, type Principal } from "./principal.ts";

export type TokenCheck = { status: "none" } | { status: "invalid"; reason: string } | { status: "valid"; principal: Principal };

export type TokenVerifier = (authorizationHeader: string | undefined) => Promise<TokenCheck>;

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The token has expired; get a new one.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `The token's ${error.claim} claim is not accepted here (${error.reason}); request a token for this Chronicle.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's signing algorithm is not allowed.";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The token's signature does not verify.";
  return "The token could not be verified; send a valid Bearer token.";
}

/**
 * Verifies Bearer JWTs with pinned algorithms, issuer and audience: HS256 with the
 * configured secret, or RS256/ES256 keys from a JWKS URL.
 */
export function createTokenVerifier(env: Pick<ServerEnv, "jwtSecret" | "CHRONICLE_JWKS_URL" | "CHRONICLE_JWT_ISSUER" | "CHRONICLE_JWT_AUDIENCE">): TokenVerifier {
  const jwks: JWTVerifyGetKey | undefined = env.CHRONICLE_JWKS_URL ? createRemoteJWKSet(new URL(env.CHRONICLE_JWKS_URL)) : undefined;
  const secret = env.jwtSecret ? new TextEncoder().encode(env.jwtSecret) : undefined;
  const options = { issuer: env.CHRONICLE_JWT_ISSUER, audience: env.CHRONICLE_JWT_AUDIENCE };

  return async (header) => {
    if (!header) return { status: "none" };
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return { status: "invalid", reason: "The Authorization header must be 'Bearer <token>'." };
    try {
      const { payload } = jwks
        ? await jwtVerify(match[1], jwks, { ...options, algorithms: ["RS256", "ES256"] })
        : await jwtVerify(match[1], secret!, { ...options, algorithms: ["HS256"] });
      const claims = tokenClaims.safeParse(payload);
      if (!claims.success) return { status: "invalid", reason: `The token is missing a claim: ${claims.error.issues[0]?.message}.` };
      return {
        status: "valid",
        principal: { userId: claims.data.sub, role: claims.data.role, scopes: claims.data.scope?.split(" ").filter(Boolean) ?? [] },
      };
    } catch (error) {
      return { status: "invalid", reason: explain(error) };
    }
  };
}
