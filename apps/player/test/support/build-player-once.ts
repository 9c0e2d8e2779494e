import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import { PLAYER_DIST, PLAYER_ROOT } from "./player-paths.ts";

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** The tests serve dist/ as `npm start` does, so they build it when it is missing or older than the source. */
export default async function buildPlayerOnce(): Promise<void> {
  const builtIndex = join(PLAYER_DIST, "index.html");
  const sourceChanged = Math.max(
    newestChange(join(PLAYER_ROOT, "src")),
    newestChange(join(PLAYER_ROOT, "index.html")),
    newestChange(join(PLAYER_ROOT, "vite.config.ts")),
  );
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sourceChanged) return;
  console.log("[player tests] building the player (dist/ is missing or stale)…");
  await build({ root: PLAYER_ROOT, configFile: join(PLAYER_ROOT, "vite.config.ts"), logLevel: "warn" });
}
