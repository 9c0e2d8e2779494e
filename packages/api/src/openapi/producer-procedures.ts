/** The procedures a producer in any language calls, each with its REST path (POST, JSON in and out). */
export const producerProcedures = [
  { procedure: "telemetry.ingest", path: "/api/telemetry/ingest", summary: "Send a batch of learner events (a learner token; at most 50 events)." },
  { procedure: "telemetry.track", path: "/api/telemetry/track", summary: "Send one event in seed 001's shape." },
  { procedure: "telemetry.ingestGameBatch", path: "/api/telemetry/ingest-game-batch", summary: "Seed 003: a game server's batch of up to 1000 events (service token with events:game)." },
  { procedure: "counters.ingest", path: "/api/counters/ingest", summary: "Seed 004: anonymous usage counters." },
  { procedure: "sync.batch", path: "/api/sync/batch", summary: "Seed 001: an offline client's batch of events, progress and assessment items, in one transaction." },
] as const;
