import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { ADMIN_DIST } from "./admin-paths.ts";

/** Starts recording which of the admin's own files the page downloads. */
export function recordAdminDownloads(page: Page): { gzippedBytes(): { files: number; bytes: number } } {
  const files = new Set<string>();
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith("/admin/")) files.add(path === "/admin/" ? "index.html" : path.slice("/admin/".length));
  });
  return {
    gzippedBytes() {
      let bytes = 0;
      let count = 0;
      for (const file of files) {
        try {
          bytes += gzipSync(readFileSync(join(ADMIN_DIST, file)), { level: 9 }).length;
          count += 1;
        } catch {
          // A client-side route answered with index.html has no file of its own to count.
        }
      }
      return { files: count, bytes };
    },
  };
}
