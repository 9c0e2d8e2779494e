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
  sub: z.uuid({ error: "the token's sub must be a UUID" }),
  role: z.enum(roles, { error: "the token's role must be learner, admin or service" }),
  scope: z.string().optional(),
});
