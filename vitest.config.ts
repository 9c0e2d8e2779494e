import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
    // Database suites create their own databases, but two cores are all CI has.
    maxWorkers: 2,
  },
});
