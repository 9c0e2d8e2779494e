export * from "./factories.ts";
export * from "./test-server.ts";
export * from "./client-events.ts";
export * from "./listen.ts";
export * from "./seeded-random.ts";
export * from "./test-worker.ts";
