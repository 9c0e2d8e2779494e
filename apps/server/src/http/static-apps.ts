import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import type { StaticHandler } from "./create-http-server.ts";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

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

function send(req: IncomingMessage, res: ServerResponse, file: string, size: number, cacheControl: string): void {
  res.writeHead(200, {
    "content-type": contentTypes[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": size,
    "cache-control": cacheControl,
    "x-content-type-options": "nosniff",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

function fileAt(root: string, relativePath: string): { file: string; size: number } | null {
  const file = normalize(join(root, relativePath));
  // A path like /../../etc/passwd must never leave the app's folder.
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    const stats = statSync(file);
    return stats.isFile() ? { file, size: stats.size } : null;
  } catch {
    return null;
  }
}

function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return null;
  }
}

/** A browser navigation (an address typed, a link, a reload) as opposed to a script or image fetch. */
function isPageRequest(req: IncomingMessage, relativePath: string): boolean {
  return extname(relativePath) === "" || (req.headers.accept ?? "").includes("text/html");
}

/**
 * Serves a built single-page app under `prefix`: its files with their content types, and
 * index.html for any other page path so that client-side routes survive a reload.
 */
export function serveStaticApp(options: StaticAppOptions): StaticHandler {
  const root = normalize(options.root);
  const prefix = options.prefix.endsWith("/") ? options.prefix : `${options.prefix}/`;
  const bareMount = prefix.slice(0, -1);

  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const path = decodedPath(req.url ?? "/");
    if (path === null) return false;
    if (path === bareMount && bareMount !== "") {
      res.writeHead(308, { location: prefix });
      res.end();
      return true;
    }
    if (!path.startsWith(prefix)) return false;
    const relativePath = path.slice(prefix.length);

    const asset = relativePath === "" ? null : fileAt(root, relativePath);
    if (asset) {
      const isHashed = relativePath.startsWith(`${HASHED_ASSETS_DIR}/`);
      send(req, res, asset.file, asset.size, isHashed ? IMMUTABLE : REVALIDATE);
      return true;
    }
    // A missing script or image is a real 404; answering it with HTML would hide the mistake.
    if (!isPageRequest(req, relativePath)) return false;

    const index = fileAt(root, "index.html");
    if (index) {
      send(req, res, index.file, index.size, REVALIDATE);
      return true;
    }
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": REVALIDATE });
    res.end(`The ${options.appName} is not built yet; run \`${options.buildCommand}\` and reload.\n`);
    return true;
  };
}

/** True when the folder holds a built app, so the CLI can say whether it serves one. */
export function isBuiltApp(root: string): boolean {
  return existsSync(join(root, "index.html"));
}
