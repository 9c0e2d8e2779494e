import type { EventCatalog, EventType } from "@chronicle/contracts/catalog";

/**
 * The newest payload version of each event type whose version is not 1. The catalog holds
 * this as zod specs, and importing it would put zod into every browser bundle, so the SDK
 * keeps the numbers here; latest-versions.test.ts compares them with the real catalog.
 */
export const latestEventVersions: Partial<Record<EventType, number>> = {
  SESSION_CREATED: 2,
};

export function latestVersionOf<T extends EventType>(type: T): EventCatalog[T]["version"] {
  return (latestEventVersions[type] ?? 1) as EventCatalog[T]["version"];
}
