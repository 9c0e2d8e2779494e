import { SignJWT } from "jose";
import type { ServerEnv } from "../env.ts";
import type { Role } from "./principal.ts";

export interface DevTokenRequest {
  role: Role;
  sub: string;
  scope?: string;
  expiresIn?: string;
}

/** Signs an HS256 token with the configured secret, for development and tests. */
export async function signDevToken(
  env: Pick<ServerEnv, "jwtSecret" | "CHRONICLE_JWT_ISSUER" | "CHRONICLE_JWT_AUDIENCE">,
  request: DevTokenRequest,
): Promise<string> {
  if (!env.jwtSecret) throw new Error("Development tokens need CHRONICLE_JWT_SECRET; this server verifies tokens through a JWKS URL.");
  const claims: Record<string, string> = { role: request.role };
  if (request.scope) claims.scope = request.scope;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(request.sub)
    .setIssuer(env.CHRONICLE_JWT_ISSUER)
    .setAudience(env.CHRONICLE_JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? "12h")
    .sign(new TextEncoder().encode(env.jwtSecret));
}
