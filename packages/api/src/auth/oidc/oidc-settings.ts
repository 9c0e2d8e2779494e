import type { ServerEnv } from "../../env.ts";

/** The OpenID Connect sign-in this server offers, read from CHRONICLE_OIDC_*. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scopes: string;
  /** A claim name, or a dotted path into nested claims (realm_access.roles). */
  roleClaim: string;
  adminValues: readonly string[];
  learnerValues: readonly string[];
  /** A claim holding the person's Chronicle UUID; unset, the id is derived from issuer and sub. */
  userIdClaim: string | undefined;
}

export type OidcEnv = Pick<
  ServerEnv,
  | "CHRONICLE_OIDC_ISSUER"
  | "CHRONICLE_OIDC_CLIENT_ID"
  | "CHRONICLE_OIDC_SCOPES"
  | "CHRONICLE_OIDC_ROLE_CLAIM"
  | "CHRONICLE_OIDC_ADMIN_VALUES"
  | "CHRONICLE_OIDC_LEARNER_VALUES"
  | "CHRONICLE_OIDC_USER_ID_CLAIM"
>;

const listOf = (commaSeparated: string) =>
  commaSeparated
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);

/** Null when no issuer is configured (loadEnv already refused an issuer without a client id). */
export function oidcSettingsOf(env: OidcEnv): OidcSettings | null {
  if (!env.CHRONICLE_OIDC_ISSUER || !env.CHRONICLE_OIDC_CLIENT_ID) return null;
  return {
    issuer: env.CHRONICLE_OIDC_ISSUER,
    clientId: env.CHRONICLE_OIDC_CLIENT_ID,
    scopes: env.CHRONICLE_OIDC_SCOPES,
    roleClaim: env.CHRONICLE_OIDC_ROLE_CLAIM,
    adminValues: listOf(env.CHRONICLE_OIDC_ADMIN_VALUES),
    learnerValues: listOf(env.CHRONICLE_OIDC_LEARNER_VALUES),
    userIdClaim: env.CHRONICLE_OIDC_USER_ID_CLAIM,
  };
}
