import { adminEventFilters, type AdminEventFilters } from "@chronicle/contracts/api";
import { eventFamilies, type EventFamily } from "@chronicle/contracts/catalog";

/** The query-string names of the explorer's filters; repeated `type` and `family` mean "any of". */
export const filterParams = { types: "type", families: "family", userId: "learner", sessionId: "session", from: "from", to: "to" } as const;

export interface FilterReading {
  filters: AdminEventFilters;
  /** Filters in the address that the contract refuses, named so the page can say they were ignored. */
  ignored: string[];
}

/**
 * The explorer's filters as the address holds them, checked one by one against the admin
 * contract: a mistyped id in a shared link drops that filter instead of failing the whole page.
 */
export function filtersFromParams(params: URLSearchParams): FilterReading {
  const candidate: Record<string, unknown> = {
    types: params.getAll(filterParams.types),
    families: params.getAll(filterParams.families).filter((family): family is EventFamily => (eventFamilies as readonly string[]).includes(family)),
    userId: params.get(filterParams.userId),
    sessionId: params.get(filterParams.sessionId),
    from: params.get(filterParams.from),
    to: params.get(filterParams.to),
  };
  const filters: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(candidate)) {
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    const checked = adminEventFilters.safeParse({ [key]: value });
    if (checked.success) Object.assign(filters, checked.data);
    else ignored.push(filterParams[key as keyof typeof filterParams]);
  }
  return { filters: filters as AdminEventFilters, ignored };
}
