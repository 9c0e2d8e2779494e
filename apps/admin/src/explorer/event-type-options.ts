import { eventCatalog, eventFamilies, type EventType } from "@chronicle/contracts/catalog";

/** Every catalogued event type, grouped by family, for the explorer's type filter. */
export const eventTypesByFamily = eventFamilies.map((family) => ({
  family,
  types: (Object.keys(eventCatalog) as EventType[]).filter((type) => eventCatalog[type].family === family).sort(),
}));
