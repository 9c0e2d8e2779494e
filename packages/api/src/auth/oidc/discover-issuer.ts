import { z } from "zod";

/** The parts of the provider's discovery document Chronicle uses. */
const discoveryDocument = z.object({ issuer: z.string(), jwks_uri: z.url() });
export type IssuerMetadata = z.infer<typeof discoveryDocument>;

const DISCOVERY_TIMEOUT_MS = 5_000;

/** Thrown when the provider cannot be reached or describes another issuer. */
export class IssuerUnreachableError extends Error {}

/**
 * Reads `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §4) and checks
 * that it names the same issuer, so keys are never taken from a document about someone else.
 */
export async function discoverIssuer(issuer: string): Promise<IssuerMetadata> {
  const url = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  let body: unknown;
  try {
    const response = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw new IssuerUnreachableError(`The identity provider's discovery document at ${url} could not be read (${error instanceof Error ? error.message : String(error)}); check CHRONICLE_OIDC_ISSUER and that the provider is up.`);
  }
  const parsed = discoveryDocument.safeParse(body);
  if (!parsed.success) throw new IssuerUnreachableError(`The discovery document at ${url} has no jwks_uri; check CHRONICLE_OIDC_ISSUER.`);
  if (parsed.data.issuer !== issuer) {
    throw new IssuerUnreachableError(`The discovery document at ${url} names issuer '${parsed.data.issuer}'; set CHRONICLE_OIDC_ISSUER to exactly that.`);
  }
  return parsed.data;
}
