import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { existsSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { HttpMount } from "./http-mount.ts";

/** Vite puts content-hashed files under assets/: a new build gets new names, so they may be cached for good. */
const HASHED_ASSETS_DIR = "assets";
const IMMUTABLE = "public, max-age=31536000, immutable";
/** index.html names the current hashed files, so browsers must revalidate it on every load. */
const REVALIDATE = "no-cache";

export interface StaticAppOptions {
  /** The built app's folder (Vite's outDir), holding index.html. */
  root: string;
  /** Where the app is mounted, e.g. "/" or "/admin/"; always ends with a slash. */
  prefix: string;
  /** Named in the page shown while the app is not built yet. */
  appName: string;
  /** How to build it, shown on that page. */
  buildCommand: string;
}

function isFileInside(root: string, relativePath: string): boolean {
  const file = normalize(join(root, relativePath));
  // A path like /../../etc/passwd must never leave the app's folder (@fastify/send refuses it too).
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A browser navigation (an address typed, a link, a reload) as opposed to a script or image fetch. */
function isPageRequest(request: FastifyRequest, relativePath: string): boolean {
  return extname(relativePath) === "" || (request.headers.accept ?? "").includes("text/html");
}

/**
 * Serves a built single-page app under `prefix` with @fastify/static: its files with their
 * content types, and index.html for any other page path so that client-side routes survive a reload.
 */
export function serveStaticApp(options: StaticAppOptions): HttpMount {
  const root = normalize(options.root);
  const prefix = options.prefix.endsWith("/") ? options.prefix : `${options.prefix}/`;
  const bareMount = prefix.slice(0, -1);

  const sendIndex = (reply: FastifyReply) => {
    if (isFileInside(root, "index.html")) return reply.header("cache-control", REVALIDATE).sendFile("index.html", root, { cacheControl: false });
    return reply
      .code(503)
      .header("content-type", "text/plain; charset=utf-8")
      .header("cache-control", REVALIDATE)
      .send(`The ${options.appName} is not built yet; run \`${options.buildCommand}\` and reload.\n`);
  };

  return async (app: FastifyInstance) => {
    // Its own context, so several apps can each have @fastify/static's reply.sendFile.
    await app.register(async (scope) => {
      await scope.register(fastifyStatic, {
        root: existsSync(root) ? root : process.cwd(),
        serve: false,
        setHeaders: (reply, path) => {
          const relative = path.slice(root.length).split(sep).join("/").replace(/^\//, "");
          reply.header("cache-control", relative.startsWith(`${HASHED_ASSETS_DIR}/`) ? IMMUTABLE : REVALIDATE);
          reply.header("x-content-type-options", "nosniff");
          // RFC 9239 names text/javascript; the mime table @fastify/send uses still says application/javascript.
          if (/\.m?js$/.test(path)) reply.header("content-type", "text/javascript; charset=utf-8");
        },
      });
      if (bareMount !== "") scope.get(bareMount, (_request, reply) => reply.redirect(prefix, 308));
      scope.get(`${prefix}*`, (request, reply) => {
        const relativePath = (request.params as { "*": string })["*"] ?? "";
        if (relativePath !== "" && isFileInside(root, relativePath)) return reply.sendFile(relativePath, root, { cacheControl: false });
        // A missing script or image is a real 404; answering it with HTML would hide the mistake.
        if (!isPageRequest(request, relativePath)) return reply.callNotFound();
        return sendIndex(reply);
      });
    });
  };
}

/** True when the folder holds a built app, so the CLI can say whether it serves one. */
export function isBuiltApp(root: string): boolean {
  return existsSync(join(root, "index.html"));
}
