import type { Projection } from "./projection.ts";

/**
 * Every projection of the log, in the order a pass runs them. Each owns its tables;
 * `chronicle rebuild` empties exactly these tables and replays the log.
 */
export const allProjections: readonly Projection[] = [];
