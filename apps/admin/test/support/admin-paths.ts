import { fileURLToPath } from "node:url";

export const ADMIN_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const ADMIN_DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
/** Git-ignored; screenshots for people to look at. */
export const ARTIFACTS_DIR = fileURLToPath(new URL("../../../../test-artifacts/", import.meta.url));
