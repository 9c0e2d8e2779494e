import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createContext, type ServerDeps } from "../context.ts";
import { appRouter } from "../router.ts";
import { authorizationFor } from "./subscription-authorization.ts";

export const TRPC_PATH = "/trpc";

/** Extra routes (the apps' static files) mounted beside tRPC on the same port. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** One Node HTTP server: tRPC at /trpc, and whatever the static handlers serve. */
export function createHttpServer(deps: ServerDeps, staticHandlers: readonly StaticHandler[] = []): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: `${TRPC_PATH}/`,
    maxBodySize: deps.env.CHRONICLE_MAX_BODY_BYTES,
    createContext: ({ req, info }) => createContext(deps, authorizationFor(req.headers.authorization, info)),
    responseMeta({ errors }) {
      // A storage failure is temporary: tell clients when to retry instead of letting them hammer.
      const isRetryable = errors.some((error) => error.code === "SERVICE_UNAVAILABLE");
      return isRetryable ? { headers: { "Retry-After": String(deps.env.CHRONICLE_RETRY_AFTER_SECONDS) } } : {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") deps.log.error("trpc.internal_error", { path, error });
    },
  });

  return createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === TRPC_PATH || url.startsWith(`${TRPC_PATH}/`) || url.startsWith(`${TRPC_PATH}?`)) return trpc(req, res);
    for (const handler of staticHandlers) if (handler(req, res)) return;
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "not_found", message: `Nothing is served at ${url}; the API is at ${TRPC_PATH}.` }));
  });
}
