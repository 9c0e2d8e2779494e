/**
 * The `cause` of a TRPCError that carries a stable, machine-readable reason
 * (seed 004's `telemetry_disabled`, `no_viewer`, `invalid_event`; `store_unavailable`…),
 * surfaced to clients as `error.data.reason`.
 */
export class ReasonedError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "ReasonedError";
  }
}
