import { chronicleProject } from "@chronicle/vitest-config";
import { defineProject } from "vitest/config";

const base = chronicleProject("player", { testTimeout: 120_000 });

// Only browser tests live here; each drives Chromium against the real server, so they take their time.
export default defineProject({
  ...base,
  test: {
    ...base.test,
    include: ["test/**/*.browser.test.ts"],
    globalSetup: ["test/support/build-player-once.ts"],
    // One Chromium at a time: two cores are all CI has.
    fileParallelism: false,
    // Starting the server (migrations on PGlite) and Chromium can take over a minute on a busy CI machine.
    hookTimeout: 180_000,
  },
});
