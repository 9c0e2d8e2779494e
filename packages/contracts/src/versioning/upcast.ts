import { eventCatalog, isEventType } from "../catalog/index.ts";

/**
 * Turns a stored payload of any known version into the newest shape of its event type.
 * The log keeps what was sent; readers always see the current contract.
 */
export function upcastPayload(eventType: string, version: number, payload: unknown): { version: number; payload: unknown } {
  if (!isEventType(eventType)) return { version, payload };
  const spec = eventCatalog[eventType];
  let current = payload;
  for (let v = version; v < spec.version; v += 1) {
    const step = spec.previous?.[v];
    if (!step) throw new Error(`No upcaster from ${eventType} v${v} to v${v + 1}; add it to the catalog.`);
    current = (step.upcast as (p: unknown) => unknown)(current);
  }
  return { version: Math.max(version, spec.version), payload: current };
}
