/**
 * `@chronicle/client/sync`: seed 001's sync client (progress and assessment items to
 * sync.batch). Its own entry point, loaded only by the apps that sync.
 */
export { createSyncClient, DEFAULT_SYNC_INTERVAL_MS, type SyncClient, type SyncClientOptions, type SyncEvents, type SyncListener, type SyncStatus } from "./create-sync-client.ts";
export { createIndexedDbSyncStore } from "./indexed-db-sync-store.ts";
export { createMemorySyncStore, type StoredSyncItem, type SyncStore } from "./sync-store.ts";
