import type { EventFamily, EventSource, EventType } from "@chronicle/contracts";
import type { Transaction } from "@chronicle/db";
import type { PgTable } from "drizzle-orm/pg-core";

/** An event as projections see it: read from the log, payload upcast to the newest version. */
export interface LoggedEvent {
  id: string;
  eventType: EventType;
  eventVersion: number;
  family: EventFamily;
  /** Server time of ingest (ISO string): projections use it, never client_ts, for business logic. */
  eventTs: string;
  clientTs: string | null;
  seq: number | null;
  sessionId: string;
  userId: string;
  questionId: string | null;
  source: EventSource | null;
  payload: Record<string, unknown>;
  txId: number;
  ingestSeq: number;
}

/**
 * A projection turns the log into tables. It must be a pure function of the events it
 * is given (and of immutable reference data such as the question bank), so that a
 * rebuild from the log yields exactly the tables the incremental path produced.
 */
export interface Projection {
  readonly name: string;
  /** The only event types it reads; the checkpoint moves past all others. */
  readonly eventTypes: readonly EventType[];
  /** The tables it owns; a rebuild empties them before replaying the log. */
  readonly tables: readonly PgTable[];
  /** Applies events in log order inside the transaction that also moves the checkpoint. */
  apply(tx: Transaction, events: readonly LoggedEvent[]): Promise<void>;
}
