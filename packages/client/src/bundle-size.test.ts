import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

/** Issue 10: every page that tracks pays for the default entry, so it has a budget. */
const DEFAULT_ENTRY_BUDGET_BYTES = 4 * 1024;

const entries = {
  "./telemetry": "./telemetry/index.ts",
  "./telemetry/durable": "./telemetry/durable/index.ts",
  "./sync": "./sync/index.ts",
} as const;

/** An entry as a browser gets it: bundled with what it imports, minified, gzipped. */
async function gzippedSize(entry: string): Promise<{ bytes: number; text: string }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const text = result.outputFiles[0]!.text;
  return { bytes: gzipSync(text, { level: 9 }).length, text };
}

describe("the browser SDK's bundle sizes", () => {
  it(`keeps the default telemetry entry within ${DEFAULT_ENTRY_BUDGET_BYTES} bytes gzipped, without the durable queue`, async () => {
    const sizes: Record<string, number> = {};
    for (const [name, entry] of Object.entries(entries)) sizes[name] = (await gzippedSize(entry)).bytes;
    console.log(`SDK bundle sizes (minified + gzip -9): ${JSON.stringify(sizes)}`);
    const telemetry = await gzippedSize(entries["./telemetry"]);
    expect(telemetry.bytes).toBeLessThanOrEqual(DEFAULT_ENTRY_BUDGET_BYTES);
    // Loaded only by those who import it: IndexedDB code never reaches the default entry.
    expect(telemetry.text).not.toMatch(/indexedDB/);
    expect((await gzippedSize(entries["./telemetry/durable"])).text).toMatch(/indexedDB/);
    // Nor does the sync client: it is loaded only by apps that sync.
    expect(telemetry.text).not.toMatch(/sync\.batch/);
  });
});
