import { chronicleProject } from "@chronicle/vitest-config";
import { defineProject } from "vitest/config";

const base = chronicleProject("admin", { testTimeout: 120_000 });

// Browser tests drive Chromium against the real server; unit tests of the app's pure helpers run in Node.
export default defineProject({
  ...base,
  test: {
    ...base.test,
    include: ["src/**/*.test.ts", "test/**/*.browser.test.ts"],
    globalSetup: ["test/support/build-admin-once.ts"],
    // One Chromium at a time: two cores are all CI has.
    fileParallelism: false,
    // Starting the server (migrations on PGlite) and Chromium can take over a minute on a busy CI machine.
    hookTimeout: 180_000,
  },
});
