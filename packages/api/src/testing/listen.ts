import type { Server } from "node:http";
import type { ServerDeps } from "../context.ts";
import { createHttpServer } from "../http/create-http-server.ts";

export interface RunningServer {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read tRPC's JSON envelopes of every procedure
  post(path: string, body: unknown, token?: string): Promise<{ status: number; headers: Headers; json: any }>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  get(path: string): Promise<{ status: number; headers: Headers; json: any }>;
  close(): Promise<void>;
}

/** Any node:http server on a free loopback port, with fetch as the client and JSON envelopes back. */
export async function serveOnLoopback(server: Server): Promise<RunningServer> {
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", () => ready()));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url,
    async post(path, body, token) {
      const response = await fetch(`${url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: response.status, headers: response.headers, json: await response.json() };
    },
    async get(path) {
      const response = await fetch(`${url}${path}`);
      return { status: response.status, headers: response.headers, json: await response.json() };
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Serves the real HTTP stack on a free loopback port, for tests that need headers and status codes. */
export function listen(deps: ServerDeps): Promise<RunningServer> {
  return serveOnLoopback(createHttpServer(deps));
}
