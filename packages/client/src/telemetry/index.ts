export type { TokenSource } from "../token-source.ts";
export type { TrackOptions } from "./build-event.ts";
export type { RejectedEvent } from "./classify-results.ts";
export { createTelemetry, type Telemetry, type TelemetryOptions, type TelemetryStats } from "./create-telemetry.ts";
export type { FetchFn } from "./send-ingest-request.ts";
export type { TelemetryStorage } from "./telemetry-storage.ts";
