import type { SimulationSummary } from "./run-simulation.ts";
import { trafficFamilies } from "./traffic-tally.ts";

/** The command's report: per family what the server answered, what was done, how fast. */
export function formatSimulationSummary(summary: SimulationSummary): string {
  const { tally } = summary;
  const rows = trafficFamilies.map((family) => {
    const f = tally.families[family];
    return `  ${family.padEnd(8)} ${String(f.accepted).padStart(9)} ${String(f.duplicates).padStart(11)} ${String(f.rejected).padStart(9)}`;
  });
  const items = tally.syncItems;
  const calls = tally.calls;
  return [
    `Simulated ${summary.learners} learner${summary.learners === 1 ? "" : "s"} × ${summary.days} day${summary.days === 1 ? "" : "s"} in ${(summary.wallMs / 1000).toFixed(1)} s (${Math.round(summary.eventsPerSecond)} events/s sent).`,
    `  family    accepted  duplicates  rejected`,
    ...rows,
    `  (counter rows are counts stored; sync rows are its event items)`,
    `sync items: ${items.synced} synced, ${items.duplicates} duplicates, ${items.conflicts} conflicts, ${items.failed} failed`,
    `calls: ${calls.checkins} check-ins, ${calls.examSessions} exams, ${calls.studySessions} study sessions, ${calls.gameSessionsClosed} game sessions closed, ${calls.syncBatches} sync batches, ${calls.counterCalls} counter calls`,
    tally.failedCalls === 0 ? "failed calls: none" : `failed calls: ${tally.failedCalls} (first: ${tally.firstFailure})`,
  ].join("\n");
}
