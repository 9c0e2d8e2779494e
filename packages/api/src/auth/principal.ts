import { z } from "zod";

export const roles = ["learner", "admin", "service"] as const;
export type Role = (typeof roles)[number];

/** Who is calling, taken from a verified token only, never from a request body. */
export interface Principal {
  userId: string;
  role: Role;
  /** What a service token may write, e.g. `events:game`. Learners and admins have none. */
  scopes: readonly string[];
}

export const tokenClaims = z.object({
  sub: z
    .uuid({ error: "the token's sub must be a UUID" })
    .refine((sub) => sub !== "00000000-0000-0000-0000-000000000000", { error: "the token's sub must not be the nil UUID, which names no one" }),
  role: z.enum(roles, { error: "the token's role must be learner, admin or service" }),
  scope: z.string().optional(),
});

/**
 * Service scopes, one per event family a backend may write (seed 002's backend tracks study
 * events for its learners, seed 003's game server game events), plus `study:catalog` to
 * register study topics and materials. A token carries them space-separated in `scope`.
 */
export const eventFamilyScopes = { "events:study": "study", "events:exam": "exam", "events:sync": "sync", "events:game": "game" } as const;
export const CATALOG_SCOPE = "study:catalog";
/** Every scope `chronicle token --scope` accepts (learners:names registers display names). */
export const serviceScopes = [...Object.keys(eventFamilyScopes), CATALOG_SCOPE, "learners:names"] as readonly string[];

/** The event families a principal's scopes let it write. */
export function familiesOfScopes(scopes: readonly string[]): Set<(typeof eventFamilyScopes)[keyof typeof eventFamilyScopes]> {
  return new Set(scopes.flatMap((scope) => (scope in eventFamilyScopes ? [eventFamilyScopes[scope as keyof typeof eventFamilyScopes]] : [])));
}
