import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { serveMounts } from "./serve-mounts.test-support.ts";
import { serveStaticApp } from "./static-apps.ts";

describe("serveStaticApp", () => {
  const folder = mkdtempSync(join(tmpdir(), "chronicle-static-"));
  const dist = join(folder, "dist");
  let app: { app: FastifyInstance; url: string };
  let unbuilt: { app: FastifyInstance; url: string };

  beforeAll(async () => {
    mkdirSync(join(dist, "assets"), { recursive: true });
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>player</title>");
    writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log(1)");
    writeFileSync(join(dist, "favicon.svg"), "<svg/>");
    writeFileSync(join(folder, "secret.txt"), "outside the app");
    const options = { prefix: "/", appName: "player", buildCommand: "npm run build -w @chronicle/player" };
    app = await serveMounts(serveStaticApp({ ...options, root: dist }));
    unbuilt = await serveMounts(serveStaticApp({ ...options, root: join(folder, "missing") }));
  });
  afterAll(async () => {
    await app.app.close();
    await unbuilt.app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("serves index.html at the root, to be revalidated on every load", async () => {
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toContain("<title>player</title>");
  });

  it("caches hashed assets for good and other files only until revalidated", async () => {
    const script = await fetch(`${app.url}/assets/index-abc123.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const icon = await fetch(`${app.url}/favicon.svg`);
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect(icon.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers client-side routes with index.html so that a reload keeps the page", async () => {
    const response = await fetch(`${app.url}/session/0199a3b2-1c4d-7e5f-8a9b-0c1d2e3f4a00?q=3`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>player</title>");
  });

  it("leaves a missing asset and a non-GET request to the next handler", async () => {
    expect((await fetch(`${app.url}/assets/index-gone.js`)).status).toBe(404);
    expect((await fetch(`${app.url}/`, { method: "POST" })).status).toBe(404);
  });

  it("never serves a file outside the app's folder", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt"]) {
      const response = await fetch(`${app.url}${path}`);
      expect(await response.text(), path).not.toContain("outside the app");
    }
  });

  it("says how to build the app when it is not built yet", async () => {
    const response = await fetch(`${unbuilt.url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("The player is not built yet; run `npm run build -w @chronicle/player` and reload.\n");
  });
});
