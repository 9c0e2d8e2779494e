import type { AdminEventFilters } from "@chronicle/contracts/api";
import { useInfiniteQuery } from "@tanstack/react-query";
import { adminApi } from "../api/admin-api.ts";

export const EXPLORER_PAGE_SIZE = 50;

/** The log, newest first, one cursor page at a time; "Load more" asks for the next. */
export function useEventPages(filters: AdminEventFilters) {
  return useInfiniteQuery({
    queryKey: ["admin.events", filters],
    queryFn: ({ pageParam }) => adminApi.admin.events.query({ filters, cursor: pageParam, limit: EXPLORER_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
