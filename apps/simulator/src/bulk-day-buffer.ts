import type { CounterEventName, EventFamily, EventIssue, RejectionCode } from "@chronicle/contracts";
import type { IngestEndpoint, NewEvent } from "@chronicle/db";

export interface QuarantineRow {
  received_at: string;
  batch_id: string;
  user_id: string | null;
  event_id: string | null;
  event_type: string | null;
  code: RejectionCode;
  message: string;
  issues: EventIssue[];
  raw_json: unknown;
}

/** One ingest_batches row, in the column names the set-based insert reads. */
export interface BatchRow {
  batch_id: string;
  client_batch_id: string | null;
  user_id: string;
  endpoint: IngestEndpoint;
  source: string | null;
  client_version: string | null;
  item_count: number;
  success_count: number;
  duplicate_count: number;
  failure_count: number;
  conflict_count: number;
  start_time: string;
  end_time: string;
  duration_ms: number;
  status: "completed" | "partial" | "failed";
}

/** Everything one simulated day adds to the database, held until it is written in chunks. */
export interface DayBuffer {
  events: NewEvent[];
  quarantine: QuarantineRow[];
  batches: BatchRow[];
  sessions: Map<string, { id: string; user_id: string; family: EventFamily; created_at: string }>;
  testSessions: Record<string, unknown>[];
  testSessionQuestions: { session_id: string; position: number; question_id: string; selected_index: number | null; is_marked: boolean }[];
  counters: { viewer_id: string; event: CounterEventName; created_at: string; n: number }[];
  /** Keyed by learner and entity: one upsert statement may touch each row once. */
  syncProgress: Map<string, { user_id: string; entity_type: string; entity_id: string; progress: number; client_updated_at: string; server_updated_at: string }>;
  syncAssessments: Map<string, { user_id: string; assessment_id: string; score: number; max_score: number; submitted_at: string; client_updated_at: string; server_updated_at: string }>;
}

export function createDayBuffer(): DayBuffer {
  return {
    events: [],
    quarantine: [],
    batches: [],
    sessions: new Map(),
    testSessions: [],
    testSessionQuestions: [],
    counters: [],
    syncProgress: new Map(),
    syncAssessments: new Map(),
  };
}

export function addSession(buffer: DayBuffer, id: string, userId: string, family: EventFamily, createdAt: string): void {
  if (!buffer.sessions.has(id)) buffer.sessions.set(id, { id, user_id: userId, family, created_at: createdAt });
}
