import type { Database } from "@chronicle/db";

/** What makes a process unready besides its database: it is migrating, or it is draining to stop. */
export interface ReadinessState {
  migrating: boolean;
  draining: boolean;
}

const PING_TIMEOUT_MS = 1000;

async function answersWithin(db: Database, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(false), ms);
  });
  try {
    // The probe asks on a connection of its own: a pool busy with slow queries is not unready.
    return await Promise.race([db.probe(ms), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness for an orchestrator: every reason this process should get no traffic right now. */
export async function unreadyReasons(db: Database, state: ReadinessState): Promise<string[]> {
  const reasons: string[] = [];
  if (state.migrating) reasons.push("migrations are running");
  if (state.draining) reasons.push("the process is draining to stop");
  if (!(await answersWithin(db, PING_TIMEOUT_MS))) reasons.push(`the database did not answer within ${PING_TIMEOUT_MS} ms`);
  return reasons;
}
