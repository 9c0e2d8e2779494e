import type { ServerEnv } from "../env.ts";

/** What one `chronicle serve` process does: HTTP, background work, or both (the default). */
export type ServeRole = "api" | "worker" | "all";
export const SERVE_ROLES: readonly ServeRole[] = ["api", "worker", "all"];

export const servesHttp = (role: ServeRole) => role !== "worker";
export const runsBackgroundWork = (role: ServeRole) => role !== "api";

/** Validates `--role`; a split role needs PostgreSQL, since an embedded PGlite folder serves one process. */
export function parseServeRole(value: unknown, env: Pick<ServerEnv, "DATABASE_URL">): ServeRole {
  if (value === undefined) return "all";
  if (typeof value !== "string" || !SERVE_ROLES.includes(value as ServeRole)) {
    throw new Error(`Unknown role '${String(value)}' for serve; use --role api, --role worker or --role all (the default).`);
  }
  const role = value as ServeRole;
  if (role !== "all" && !env.DATABASE_URL) {
    throw new Error(`--role ${role} needs PostgreSQL (set DATABASE_URL): the embedded PGlite database is one process, so run \`chronicle serve\` without --role.`);
  }
  return role;
}
