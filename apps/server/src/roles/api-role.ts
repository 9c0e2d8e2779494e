import type { ServerEnv } from "@chronicle/api/env.ts";
import type { StaticHandler } from "@chronicle/api/http/create-http-server.ts";
import { createDevSignInHandler } from "@chronicle/api/http/dev-sign-in.ts";
import { isBuiltApp, serveStaticApp } from "@chronicle/api/http/static-apps.ts";
import { fileURLToPath } from "node:url";

/** The player's Vite build, found beside this package in the workspace (`npm start` builds it first). */
export const PLAYER_DIST = fileURLToPath(new URL("../../../player/dist/", import.meta.url));
/** The admin app's Vite build (base "/admin/"), beside the player's. */
export const ADMIN_DIST = fileURLToPath(new URL("../../../admin/dist/", import.meta.url));
export const ADMIN_PREFIX = "/admin/";

/**
 * The API role's pages beside the tRPC/REST API that @chronicle/api's HTTP layer serves: the two
 * browser apps and, outside production, the development sign-in.
 */
export function apiRoleHandlers(env: ServerEnv): StaticHandler[] {
  const player = serveStaticApp({ root: PLAYER_DIST, prefix: "/", appName: "player", buildCommand: "npm run build -w @chronicle/player" });
  const admin = serveStaticApp({ root: ADMIN_DIST, prefix: ADMIN_PREFIX, appName: "admin app", buildCommand: "npm run build -w @chronicle/admin" });
  // The player is mounted at "/" and answers every page path with its index.html, so the admin goes first.
  const apps = [admin, player];
  // The development sign-in hands out tokens without credentials, so production never mounts it.
  return env.NODE_ENV === "production" ? apps : [createDevSignInHandler(env), ...apps];
}

/** The apps' addresses for the start-up lines, or how to build an app that is missing. */
export function appAddress(base: string, dist: string, path: string, buildCommand: string): string {
  return `${base}${path}${isBuiltApp(dist) ? "" : `   (not built yet: ${buildCommand})`}`;
}
