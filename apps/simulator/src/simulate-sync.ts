import type { SyncItem } from "@chronicle/contracts";
import { randomUUID } from "node:crypto";
import type { SimulatedLearner, SimulationContext } from "./simulation-context.ts";
import { deviceTime } from "./device-clock.ts";
import { planSyncBatch } from "./sync-items.ts";
import { countEventStatus } from "./traffic-tally.ts";

const SYNC_RESEND_RATE = 0.05;

/**
 * The offline client's daily sync.batch; a malformed progress item slips in at the bad rate.
 * Its items were recorded while offline, in the hour before it syncs (an interview lasts up to
 * 45 minutes), on the device's clock.
 */
export async function simulateSync(ctx: SimulationContext, learner: SimulatedLearner, day: number): Promise<void> {
  const { random } = learner;
  const atMs = ctx.trueNowMs() - random.int(46, 55) * 60_000;
  const plan = planSyncBatch(random, learner.syncSessionId, ctx.catalog, day, atMs, learner.clockSkewMs);
  const items: unknown[] = [...plan.items];
  if (random.chance(ctx.badRate * 5)) {
    items.push({ itemType: "progress", itemData: { entityType: "course", entityId: "course-1", progress: 1.5, updatedAt: deviceTime(atMs, learner.clockSkewMs) } });
  }
  const input = { batchId: `sync-${randomUUID()}`, items: items as SyncItem[] };
  const sends = random.chance(SYNC_RESEND_RATE) ? 2 : 1;
  for (let attempt = 0; attempt < sends; attempt += 1) {
    const answer = await learner.client.sync.batch.mutate(input);
    for (const result of answer.data.results) {
      if (result.itemType === "event") {
        countEventStatus(ctx.tally, "sync", result.status === "synced" ? "accepted" : result.status === "duplicate" ? "duplicate" : "rejected");
        continue;
      }
      const items = ctx.tally.syncItems;
      if (result.status === "synced") items.synced += 1;
      else if (result.status === "duplicate") items.duplicates += 1;
      else if (result.status === "conflict") items.conflicts += 1;
      else items.failed += 1;
    }
  }
  ctx.tally.calls.syncBatches += 1;
}
