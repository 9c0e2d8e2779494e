import { defineProject } from "vitest/config";

/**
 * Shared defaults for every package's vitest project; tests live beside their code.
 * Plain JavaScript because vitest loads config dependencies from node_modules without transpiling.
 * @param {string} name
 * @param {{ setupFiles?: string[]; testTimeout?: number; environment?: string }} [overrides]
 */
export function chronicleProject(name, overrides = {}) {
  return defineProject({
    test: {
      name,
      include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
      environment: overrides.environment ?? "node",
      testTimeout: overrides.testTimeout ?? 30_000,
      hookTimeout: 60_000,
      setupFiles: overrides.setupFiles ?? [],
      typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    },
  });
}
