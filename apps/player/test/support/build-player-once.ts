import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import { hasChromium, SKIP_NOTICE } from "./chromium.ts";
import { PLAYER_DIST, PLAYER_ROOT } from "./player-paths.ts";

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * Runs once per test run. The tests serve dist/ as `npm start` does, so it is built when missing
 * or older than the source. Without Chromium there is nothing to build for, and saying so once
 * here keeps a skipped suite from passing for a green one unnoticed.
 */
export default async function buildPlayerOnce(): Promise<void> {
  if (!hasChromium) {
    console.warn(SKIP_NOTICE);
    return;
  }
  const builtIndex = join(PLAYER_DIST, "index.html");
  const sourceChanged = Math.max(
    newestChange(join(PLAYER_ROOT, "src")),
    newestChange(join(PLAYER_ROOT, "index.html")),
    newestChange(join(PLAYER_ROOT, "vite.config.ts")),
    // The shared sign-in panel and SDK are bundled into the app too.
    newestChange(join(PLAYER_ROOT, "../../packages/client/src")),
  );
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sourceChanged) return;
  console.log("[player tests] building the player (dist/ is missing or stale)…");
  await build({ root: PLAYER_ROOT, configFile: join(PLAYER_ROOT, "vite.config.ts"), logLevel: "warn" });
}
