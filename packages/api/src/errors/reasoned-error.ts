/**
 * The `cause` of a TRPCError that carries a stable, machine-readable reason
 * (seed 004's `telemetry_disabled`, `no_viewer`, `invalid_event`; `store_unavailable`…),
 * surfaced to clients as `error.data.reason`. Its own `cause`, when given, is the failure
 * underneath (a database error), which the error map classifies and the log records.
 */
export class ReasonedError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ReasonedError";
  }
}
