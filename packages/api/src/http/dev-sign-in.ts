import type { FastifyInstance } from "fastify";
import { signDevToken } from "../auth/sign-dev-token.ts";
import { demoUsers } from "../auth/demo-users.ts";
import type { ServerEnv } from "../env.ts";
import type { HttpMount } from "./http-mount.ts";

export const DEV_SIGN_IN_PATH = "/__chronicle/dev-token";

/**
 * Roles a browser may sign in as without credentials: the player's demo learner and the admin
 * app's demo admin. Services keep using the CLI; none of this exists in production.
 */
const browserRoles = ["learner", "admin"] as const;
type BrowserRole = (typeof browserRoles)[number];

function isBrowserRole(role: unknown): role is BrowserRole {
  return browserRoles.includes(role as BrowserRole);
}

/**
 * `GET /__chronicle/dev-token?role=learner|admin`: a development token for the demo learner or
 * the demo admin, so the player and the admin app can be tried without an identity provider.
 * It does not exist in production.
 */
export function createDevSignInHandler(env: ServerEnv): HttpMount {
  return (app: FastifyInstance) => {
    if (env.NODE_ENV === "production") return;
    app.get(DEV_SIGN_IN_PATH, async (request, reply) => {
      // A token must never sit in a shared cache.
      reply.header("cache-control", "no-store");
      const role = (request.query as Record<string, unknown>).role;
      if (!isBrowserRole(role)) {
        return reply.code(400).send({ error: "invalid_role", message: `Development sign-in is only for role=${browserRoles.join(", ")}.` });
      }
      try {
        const userId = demoUsers[role];
        const token = await signDevToken(env, { role, sub: userId });
        return reply.send({ token, userId, role });
      } catch (error) {
        return reply.code(500).send({ error: "cannot_sign", message: error instanceof Error ? error.message : String(error) });
      }
    });
  };
}
