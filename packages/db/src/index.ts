export * from "./client/create-db.ts";
export * from "./client/database.ts";
export * from "./log/append-events.ts";
export * from "./log/quarantine-events.ts";
export * from "./log/record-ingest-batch.ts";
export * from "./ownership/session-owners.ts";
export * as schema from "./schema/index.ts";
export * from "./schema/index.ts";
export * from "./client/sql-error.ts";
