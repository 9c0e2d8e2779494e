import type { Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { signDevToken } from "../auth/sign-dev-token.ts";
import { claimOnce } from "../cluster/claim-once.ts";
import { newHolderId } from "../cluster/leases.ts";
import type { ServerEnv } from "../env.ts";
import { runSimulation } from "./run-simulation.ts";
import { totalEvents } from "./traffic-tally.ts";

/** Enough traffic for every admin chart to show something on a fresh `npm start`. */
export const FIRST_RUN_TRAFFIC = { learners: 12, days: 7, seed: 1, badRate: 0.02, concurrency: 4 } as const;

async function isLogEmpty(db: Database): Promise<boolean> {
  const [row] = await db.rows<{ is_empty: boolean }>(sql`select not exists (select 1 from events) as is_empty`);
  return row?.is_empty === true;
}

/** The claim that makes the demo traffic happen once per database, however many processes start. */
export const FIRST_RUN_CLAIM = "first-run-demo-traffic";

/**
 * On a development server whose log is empty, sends a small simulation to itself over HTTP,
 * in the background, once per database: the first process to claim it sends it. It logs one
 * line when done and never throws: a demo-data failure must not block or crash the server.
 */
export function startFirstRunSimulation(db: Database, env: ServerEnv, baseUrl: string, print: (line: string) => void = console.log): void {
  if (env.NODE_ENV === "production") return;
  void (async () => {
    try {
      if (!(await isLogEmpty(db))) return;
      if (!(await claimOnce(db, FIRST_RUN_CLAIM, newHolderId()))) return;
      const summary = await runSimulation({ ...FIRST_RUN_TRAFFIC, url: baseUrl }, { signToken: (request) => signDevToken(env, request) });
      print(
        `[chronicle] demo traffic: ${FIRST_RUN_TRAFFIC.learners} simulated learners × ${FIRST_RUN_TRAFFIC.days} days, ` +
          `${totalEvents(summary.tally)} events sent in ${(summary.wallMs / 1000).toFixed(1)} s (run \`chronicle simulate\` for more)`,
      );
    } catch (error) {
      print(`[chronicle] demo traffic skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  })();
}
