import { eventFamilies } from "@chronicle/contracts";
import { ensureEventPartitions, EVENT_PARTITION_MONTHS_AHEAD } from "@chronicle/db";
import type { Job } from "./job.ts";

/**
 * Keeps the log's month partitions ahead of the clock (migration 0023): this month and the next
 * EVENT_PARTITION_MONTHS_AHEAD for every family of the contract, and the partitions of a family
 * the contract gained. An event of a month without its partition still lands, in the family's
 * default partition; the job only keeps that the exception.
 */
export const ensureEventPartitionsJob: Job = {
  name: "ensure-event-partitions",
  intervalMs: 6 * 3_600_000,
  async run(deps, now) {
    const created = await ensureEventPartitions(deps.db.orm, eventFamilies, now, EVENT_PARTITION_MONTHS_AHEAD);
    if (created > 0) deps.log.info("log.partitions_created", { created, monthsAhead: EVENT_PARTITION_MONTHS_AHEAD });
  },
};
