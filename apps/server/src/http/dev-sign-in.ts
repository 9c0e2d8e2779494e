import type { IncomingMessage, ServerResponse } from "node:http";
import { signDevToken } from "../auth/sign-dev-token.ts";
import { demoUsers } from "../cli/token-command.ts";
import type { ServerEnv } from "../env.ts";
import type { StaticHandler } from "./create-http-server.ts";

export const DEV_SIGN_IN_PATH = "/__chronicle/dev-token";

/**
 * Roles a browser may sign in as without credentials: the player's demo learner and the admin
 * app's demo admin. Services keep using the CLI; none of this exists in production.
 */
const browserRoles = ["learner", "admin"] as const;
type BrowserRole = (typeof browserRoles)[number];

function isBrowserRole(role: string | null): role is BrowserRole {
  return browserRoles.includes(role as BrowserRole);
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  // A token must never sit in a shared cache.
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

async function signIn(env: ServerEnv, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const role = new URL(req.url ?? "/", "http://localhost").searchParams.get("role");
  if (!isBrowserRole(role)) {
    answer(res, 400, { error: "invalid_role", message: `Development sign-in is only for role=${browserRoles.join(", ")}.` });
    return;
  }
  try {
    const userId = demoUsers[role];
    const token = await signDevToken(env, { role, sub: userId });
    answer(res, 200, { token, userId, role });
  } catch (error) {
    answer(res, 500, { error: "cannot_sign", message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * `GET /__chronicle/dev-token?role=learner|admin`: a development token for the demo learner or
 * the demo admin, so the player and the admin app can be tried without an identity provider.
 * It does not exist in production.
 */
export function createDevSignInHandler(env: ServerEnv): StaticHandler {
  return (req, res) => {
    if (env.NODE_ENV === "production") return false;
    const path = (req.url ?? "/").split("?")[0];
    if (path !== DEV_SIGN_IN_PATH || req.method !== "GET") return false;
    void signIn(env, req, res);
    return true;
  };
}
