import base from "@chronicle/eslint-config";

export default [
  ...base,
  {
    // The telemetry SDK ships to every page; the contract's zod schemas would multiply its size.
    files: ["src/telemetry/**/*.ts", "src/react/**/*.ts", "src/token-source.ts"],
    ignores: ["**/*.test.ts", "**/*.test-d.ts", "**/testing/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "zod", message: "The telemetry SDK must not load zod.", allowTypeImports: true }],
          patterns: [
            {
              regex: "^@chronicle/contracts(?!/(limits|client-metrics-header)$)",
              message: "Import only types from @chronicle/contracts, and constants from @chronicle/contracts/limits and /client-metrics-header, so zod stays out of the bundle.",
              allowTypeImports: true,
            },
            {
              group: ["@trpc/*", "@chronicle/server", "@chronicle/server/*"],
              message: "The telemetry SDK sends plain fetch requests to stay small.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];
