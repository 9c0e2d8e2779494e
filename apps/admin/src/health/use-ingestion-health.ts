import { trpc } from "../api/admin-api.ts";

/** Ingestion health refreshes on its own: it is the page staff leave open while watching an incident. */
const REFRESH_MS = 10_000;

export function useIngestionHealth(windowMinutes: number) {
  return trpc.admin.ingestionHealth.useQuery({ windowMinutes }, { refetchInterval: REFRESH_MS });
}
