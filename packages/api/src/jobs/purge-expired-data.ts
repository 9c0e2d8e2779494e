import { purgeExpired } from "../privacy/purge-expired.ts";
import { retentionPolicy } from "../privacy/retention-policy.ts";
import { allProjections } from "../projections/registry.ts";
import type { Job } from "./job.ts";

export const RETENTION_JOB_ACTOR = "chronicle retention job";

/**
 * The audited retention job: raw data past its retention goes, a whole UTC day at a time, so
 * an hourly run finds work once a day and otherwise counts nothing. `chronicle retention`
 * runs the same purge by hand (and can dry-run it).
 */
export const purgeExpiredDataJob: Job = {
  name: "purge-expired-data",
  intervalMs: 3_600_000,
  async run(deps, now) {
    const purged = await purgeExpired(deps.db, retentionPolicy(deps.env), allProjections, now, { actor: RETENTION_JOB_ACTOR });
    for (const target of purged.filter((t) => t.rows > 0)) deps.log.info("retention.purged", { ...target });
  },
};
