export { TelemetryContext, TelemetryProvider } from "./telemetry-context.ts";
export { useTelemetry, type SessionTelemetry } from "./use-telemetry.ts";
