import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { ARTIFACTS_DIR } from "./admin-paths.ts";

/** Debian's Chromium, never a downloaded browser build (this machine reaches no browser CDN). */
const CHROMIUM_PATH = "/usr/bin/chromium";

export const hasChromium = existsSync(CHROMIUM_PATH);

export const SKIP_NOTICE = "admin browser tests skipped: Debian's chromium is not installed (apt-get install -y chromium)";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Saves test-artifacts/admin-<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `admin-${name}.png`), fullPage: true });
}
