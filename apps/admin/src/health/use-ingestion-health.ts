import { useQuery } from "@tanstack/react-query";
import { adminApi } from "../api/admin-api.ts";

/** Ingestion health refreshes on its own: it is the page staff leave open while watching an incident. */
const REFRESH_MS = 10_000;

export function useIngestionHealth(windowMinutes: number) {
  return useQuery({
    queryKey: ["admin.ingestionHealth", windowMinutes],
    queryFn: () => adminApi.admin.ingestionHealth.query({ windowMinutes }),
    refetchInterval: REFRESH_MS,
  });
}
