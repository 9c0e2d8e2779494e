import type { ClientEvent, EventResult, IngestBatchOutput } from "@chronicle/contracts";
import type { FetchFn } from "../send-ingest-request.ts";

export interface RecordedRequest {
  url: string;
  init: RequestInit;
  body: { source: string; events: ClientEvent[] };
  bodyBytes: number;
  /** `Date.now()` when the request was sent; fake timers make it deterministic. */
  sentAt: number;
}

export type Responder = (request: RecordedRequest) => Response | Promise<Response>;

/** The tRPC success envelope around an ingest result. */
export function ingestResponse(results: EventResult[], init: ResponseInit = {}): Response {
  const output: IngestBatchOutput = {
    batch_id: "0190a5c8-0000-7000-8000-0000000000ff",
    accepted: results.filter((result) => result.status === "accepted").length,
    duplicates: results.filter((result) => result.status === "duplicate").length,
    rejected: results.filter((result) => result.status === "rejected").length,
    rejected_reasons_sample: [],
    results,
  };
  return Response.json({ result: { data: output } }, init);
}

/** A tRPC error response, as the server sends for a refused or failed call. */
export function errorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { message, code: -32000, data: { httpStatus: status } } }, { status, headers });
}

export const acceptAll: Responder = (request) =>
  ingestResponse(request.body.events.map((event, index) => ({ index, id: event.id, status: "accepted" })));

/** A stand-in for the server's telemetry.ingest endpoint that records every request it gets. */
export function createFakeIngest(respond: Responder = acceptAll) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchFn = async (url, init) => {
    const text = String(init.body);
    const request: RecordedRequest = {
      url,
      init,
      body: JSON.parse(text) as RecordedRequest["body"],
      bodyBytes: new TextEncoder().encode(text).byteLength,
      sentAt: Date.now(),
    };
    requests.push(request);
    return respond(request);
  };
  return { fetch, requests, events: () => requests.flatMap((request) => request.body.events) };
}
