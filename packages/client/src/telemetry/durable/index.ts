/**
 * `@chronicle/client/telemetry/durable`: the telemetry client whose queue lives in IndexedDB,
 * shared by the origin's tabs, so events survive reloads and offline periods. A separate
 * entry point because it is most of the SDK's size: the default `./telemetry` entry stays small.
 */
import { createInMemoryTelemetry, type Telemetry, type TelemetryOptions } from "../create-telemetry.ts";
import { createDurableTelemetry as createDurableQueue, type DurableQueueOptions } from "./create-durable-telemetry.ts";

export type { Telemetry, TelemetryOptions, TelemetryStats } from "../create-telemetry.ts";
export type { DurableQueueOptions } from "./create-durable-telemetry.ts";

export interface DurableTelemetryOptions extends TelemetryOptions {
  /** The IndexedDB database and its bound. Where IndexedDB is missing the queue stays in memory, after one warning. */
  durable?: DurableQueueOptions;
}

/** createTelemetry with the durable queue. */
export function createDurableTelemetry(options: DurableTelemetryOptions): Telemetry {
  return createDurableQueue(options, options.durable ?? {}, createInMemoryTelemetry);
}
