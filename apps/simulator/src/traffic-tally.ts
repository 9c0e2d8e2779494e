export const trafficFamilies = ["exam", "study", "game", "sync", "counter"] as const;
export type TrafficFamily = (typeof trafficFamilies)[number];

export interface FamilyTally {
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** sync.batch progress and assessment items: not events, so counted on their own. */
export interface SyncItemTally {
  synced: number;
  duplicates: number;
  conflicts: number;
  failed: number;
}

export interface TrafficTally {
  families: Record<TrafficFamily, FamilyTally>;
  syncItems: SyncItemTally;
  calls: { checkins: number; examSessions: number; studySessions: number; gameSessionsClosed: number; syncBatches: number; counterCalls: number };
  /** Calls that failed outright (network, 5xx); the first message is kept to explain them. */
  failedCalls: number;
  firstFailure: string | null;
}

export function createTrafficTally(): TrafficTally {
  const empty = (): FamilyTally => ({ accepted: 0, duplicates: 0, rejected: 0 });
  return {
    families: { exam: empty(), study: empty(), game: empty(), sync: empty(), counter: empty() },
    syncItems: { synced: 0, duplicates: 0, conflicts: 0, failed: 0 },
    calls: { checkins: 0, examSessions: 0, studySessions: 0, gameSessionsClosed: 0, syncBatches: 0, counterCalls: 0 },
    failedCalls: 0,
    firstFailure: null,
  };
}

/** Adds one per-event status from an ingest answer to its family. */
export function countEventStatus(tally: TrafficTally, family: TrafficFamily, status: "accepted" | "duplicate" | "rejected"): void {
  const counts = tally.families[family];
  if (status === "accepted") counts.accepted += 1;
  else if (status === "duplicate") counts.duplicates += 1;
  else counts.rejected += 1;
}

export function recordFailedCall(tally: TrafficTally, what: string, error: unknown): void {
  tally.failedCalls += 1;
  tally.firstFailure ??= `${what}: ${error instanceof Error ? error.message : String(error)}`;
}

export function totalEvents(tally: TrafficTally): number {
  return Object.values(tally.families).reduce((sum, f) => sum + f.accepted + f.duplicates + f.rejected, 0);
}
