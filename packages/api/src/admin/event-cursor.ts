import { TRPCError } from "@trpc/server";

/** A position in the explorer's (event_ts, ingest_seq) descending order. */
export interface EventCursor {
  eventTs: string;
  ingestSeq: number;
}

const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(`${cursor.eventTs}|${cursor.ingestSeq}`, "utf8").toString("base64url");
}

export function decodeEventCursor(encoded: string): EventCursor {
  const [eventTs, seq, ...rest] = Buffer.from(encoded, "base64url").toString("utf8").split("|");
  const ingestSeq = Number(seq);
  if (rest.length > 0 || !eventTs || !isoUtc.test(eventTs) || !Number.isSafeInteger(ingestSeq) || ingestSeq < 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Cursor '${encoded.slice(0, 40)}' is not one admin.events returned; pass the nextCursor of the previous page.` });
  }
  return { eventTs, ingestSeq };
}
