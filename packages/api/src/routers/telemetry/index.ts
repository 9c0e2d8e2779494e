import { router } from "../../trpc.ts";
import { ingest } from "./ingest.ts";
import { ingestForLearners } from "./ingest-for-learners.ts";
import { ingestGameBatch } from "./ingest-game-batch.ts";
import { track } from "./track.ts";

export const telemetryRouter = router({ ingest, track, ingestGameBatch, ingestForLearners });
