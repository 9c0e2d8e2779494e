import type { AdminEventFilters } from "@chronicle/contracts/api";
import { trpc } from "../api/admin-api.ts";

export const EXPLORER_PAGE_SIZE = 50;

/** The log, newest first, one cursor page at a time; "Load more" asks for the next. */
export function useEventPages(filters: AdminEventFilters) {
  return trpc.admin.events.useInfiniteQuery({ filters, limit: EXPLORER_PAGE_SIZE }, { initialCursor: null, getNextPageParam: (page) => page.nextCursor });
}
