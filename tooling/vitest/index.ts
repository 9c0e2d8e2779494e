import { defineProject } from "vitest/config";

/** Shared defaults for every package's vitest project; tests live beside their code. */
export function chronicleProject(name: string, overrides: { setupFiles?: string[]; testTimeout?: number } = {}) {
  return defineProject({
    test: {
      name,
      include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
      environment: "node",
      testTimeout: overrides.testTimeout ?? 30_000,
      hookTimeout: 60_000,
      setupFiles: overrides.setupFiles ?? [],
      typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    },
  });
}
