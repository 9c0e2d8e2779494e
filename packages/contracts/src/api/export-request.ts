import { z } from "zod";

/**
 * The admin's "Export now": the export job is marked due, and the worker that holds its lease
 * starts it at its next tick (about a second). Asking again while a request waits is the same
 * request; a run already in progress is named, and the request starts the next one after it.
 */
export const adminRequestExportOutput = z.object({
  requestedAt: z.string(),
  /** The run in progress when the request was made, if any: the requested one starts after it. */
  runningRunId: z.int().nullable(),
});
export type AdminRequestExportOutput = z.infer<typeof adminRequestExportOutput>;

/** Whether an export was asked for and is waiting for a worker to start it. */
export const adminExportRequestOutput = z.object({
  requestedAt: z.string().nullable(),
  requestedBy: z.string().nullable(),
});
export type AdminExportRequestOutput = z.infer<typeof adminExportRequestOutput>;
