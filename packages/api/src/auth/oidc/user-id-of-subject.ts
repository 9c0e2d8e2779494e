import { createHash } from "node:crypto";

/** Chronicle's UUIDv5 namespace for OIDC subjects (random, fixed forever: changing it renames every learner). */
export const OIDC_SUBJECT_NAMESPACE = "2696aa0c-c004-44b2-9ca7-2e4e55a83c2a";

/**
 * The Chronicle user id of an OIDC subject: UUIDv5 (RFC 9562) of `${issuer}\n${sub}`. A `sub` is
 * unique only within its issuer and is rarely a UUID, so both go in; the same person gets the same
 * id at every sign-in and on every Chronicle server configured with that issuer.
 */
export function userIdOfSubject(issuer: string, sub: string): string {
  const namespace = Buffer.from(OIDC_SUBJECT_NAMESPACE.replace(/-/g, ""), "hex");
  const bytes = createHash("sha1").update(namespace).update(`${issuer}\n${sub}`, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
