export * from "./counter-events.ts";
export * from "./events.ts";
export * from "./ingest-batches.ts";
export * from "./purge-audit.ts";
export * from "./quarantined-events.ts";
export * from "./sessions.ts";
