import type { BrowserSignInRole } from "@chronicle/contracts";
import type { JWTPayload } from "jose";
import type { OidcSettings } from "./oidc-settings.ts";

/** The role claim's values: a string, a space-separated string, or a list of strings; undefined when absent. */
export function roleClaimValues(claims: JWTPayload, path: string): string[] | undefined {
  let value: unknown = claims;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === "string") return value.split(" ").filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return undefined;
}

/** The Chronicle roles the claim's values grant under CHRONICLE_OIDC_ADMIN_VALUES / _LEARNER_VALUES. */
export function rolesGranted(values: readonly string[], settings: Pick<OidcSettings, "adminValues" | "learnerValues">): BrowserSignInRole[] {
  const roles: BrowserSignInRole[] = [];
  if (values.some((value) => settings.learnerValues.includes(value))) roles.push("learner");
  if (values.some((value) => settings.adminValues.includes(value))) roles.push("admin");
  return roles;
}
