import { createContext } from "react";
import type { Telemetry } from "../telemetry/create-telemetry.ts";

/** The app's one telemetry instance; created by the app so that it outlives re-renders. */
export const TelemetryContext = createContext<Telemetry | null>(null);

/** `<TelemetryProvider value={telemetry}>` around the part of the app that tracks events. */
export const TelemetryProvider = TelemetryContext.Provider;
