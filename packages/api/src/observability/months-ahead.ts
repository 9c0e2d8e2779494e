import { eventFamilies } from "@chronicle/contracts";
import type { EventPartition } from "@chronicle/db";

const monthKey = (year: number, month: number) => {
  const date = new Date(Date.UTC(year, month, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
};

/**
 * For each family of the contract: how many consecutive month partitions follow the current UTC
 * month (2 when the ensure-event-partitions job keeps up), or -1 when the current month itself
 * has none, so its events land in the family's default partition.
 */
export function monthsAheadByFamily(partitions: readonly EventPartition[], now: Date): Map<string, number> {
  const result = new Map<string, number>();
  for (const family of eventFamilies) {
    const months = new Set(partitions.filter((p) => p.family === family && p.month !== null).map((p) => p.month));
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth();
    if (!months.has(monthKey(year, month))) {
      result.set(family, -1);
      continue;
    }
    let ahead = 0;
    while (months.has(monthKey(year, month + ahead + 1))) ahead += 1;
    result.set(family, ahead);
  }
  return result;
}
