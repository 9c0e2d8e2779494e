import type { AdminEventRow } from "@chronicle/contracts/api";
import { describe, expect, it } from "vitest";
import { timelineEntries } from "./timeline-entries.ts";

let ingestSeq = 0;
function row(seq: number | null, type = "QUESTION_VIEWED"): AdminEventRow {
  ingestSeq += 1;
  return {
    id: crypto.randomUUID(), ingestSeq, eventType: type, eventVersion: 1, family: "exam", eventTs: "2026-01-20T12:00:00.000Z",
    clientTs: null, seq, sessionId: crypto.randomUUID(), userId: crypto.randomUUID(), questionId: null, source: null, payload: {},
  };
}

const describeEntries = (events: AdminEventRow[]) =>
  timelineEntries(events).map((entry) => (entry.kind === "gap" ? `gap ${entry.fromSeq}-${entry.toSeq}` : `${entry.event.eventType} ${entry.event.seq ?? "-"}`));

describe("timelineEntries", () => {
  it("orders by seq, flags each run of missing seqs once, and puts server events after", () => {
    const events = [row(4), row(null, "SESSION_SUBMITTED"), row(0), row(1), row(7)];
    expect(describeEntries(events)).toEqual(["QUESTION_VIEWED 0", "QUESTION_VIEWED 1", "gap 2-3", "QUESTION_VIEWED 4", "gap 5-6", "QUESTION_VIEWED 7", "SESSION_SUBMITTED -"]);
  });

  it("flags a missing start and no gap for a complete session", () => {
    expect(describeEntries([row(2), row(3)])).toEqual(["gap 0-1", "QUESTION_VIEWED 2", "QUESTION_VIEWED 3"]);
    expect(describeEntries([row(0), row(1)])).toEqual(["QUESTION_VIEWED 0", "QUESTION_VIEWED 1"]);
  });
});
