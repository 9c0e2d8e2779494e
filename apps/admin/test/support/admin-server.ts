import { loadQuestionBank } from "@chronicle/db";
import { createDevSignInHandler, createHttpServer, serveStaticApp } from "@chronicle/api/http";
import { createTestServer, type TestServer } from "@chronicle/api/testing";
import type { AddressInfo } from "node:net";
import { ADMIN_DIST } from "./admin-paths.ts";

export interface AdminServer {
  /** The origin; the admin app is at `${url}/admin/`. */
  url: string;
  backend: TestServer;
  close(): Promise<void>;
}

/** The real server (PGlite, the real router, ingest and projections) serving the built admin app under /admin/, as `chronicle serve` does. */
export async function startAdminServer(env: Record<string, string> = {}): Promise<AdminServer> {
  const backend = await createTestServer("pglite", env);
  await loadQuestionBank(backend.db.orm);
  const admin = serveStaticApp({ root: ADMIN_DIST, prefix: "/admin/", appName: "admin app", buildCommand: "npm run build -w @chronicle/admin" });
  const http = createHttpServer(backend.deps, [createDevSignInHandler(backend.deps.env), admin]);
  await new Promise<void>((ready) => http.listen(0, "127.0.0.1", () => ready()));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    backend,
    async close() {
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
      await backend.close();
    },
  };
}
