export * from "./counters.ts";
export * from "./game-batch.ts";
export * from "./health.ts";
export * from "./ingest.ts";
export * from "./sync.ts";
