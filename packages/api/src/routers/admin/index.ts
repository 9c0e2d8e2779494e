import { router } from "../../trpc.ts";
import { counters } from "./counters.ts";
import { events } from "./events.ts";
import { exports } from "./exports.ts";
import { game } from "./game.ts";
import { ingestionHealth } from "./ingestion-health.ts";
import { learner } from "./learner.ts";
import { learnerLabels } from "./learner-labels.ts";
import { learners } from "./learners.ts";
import { live } from "./live.ts";
import { projectionLagQuery } from "./projection-lag.ts";
import { quarantine } from "./quarantine.ts";
import { questionTexts } from "./question-texts.ts";
import { exportRequest, requestExport } from "./request-export.ts";
import { sessionTimeline } from "./session-timeline.ts";
import { syncBatches } from "./sync-batches.ts";
import { topic } from "./topic.ts";
import { topics } from "./topics.ts";

/** Staff-only procedures; every one requires the admin role and is written to admin_audit_log. */
export const adminRouter = router({
  projectionLag: projectionLagQuery,
  ingestionHealth,
  events,
  sessionTimeline,
  learner,
  topic,
  topics,
  game,
  counters,
  quarantine,
  exports,
  requestExport,
  exportRequest,
  live,
  learners,
  learnerLabels,
  questionTexts,
  syncBatches,
});
