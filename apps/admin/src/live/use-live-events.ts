import type { AdminLiveEvent } from "@chronicle/contracts/api";
import { useState } from "react";
import { trpc } from "../api/admin-api.ts";
import { friendlyError, needsSignIn } from "../api/friendly-error.ts";
import { tokenStore } from "../auth/token-store.ts";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "stopped";

/** The newest events are kept; older ones scroll away so a busy stream cannot grow the page for ever. */
const KEPT_EVENTS = 200;

/** A new stream starts at the log head; resuming is the link's job (below), not the input's. */
const FROM_NOW = {};

/**
 * admin.live over SSE, newest first. Every event carries its log position as the SSE id; when
 * the connection drops, httpSubscriptionLink reconnects with that id as `lastEventId`, so the
 * server resumes right after the last event shown and nothing is missed or repeated.
 */
export function useLiveEvents(): { events: AdminLiveEvent[]; received: number; status: LiveStatus; error: string | null } {
  const [events, setEvents] = useState<AdminLiveEvent[]>([]);
  const [received, setReceived] = useState(0);
  const subscription = trpc.admin.live.useSubscription(FROM_NOW, {
    onData: ({ data }) => {
      setEvents((previous) => [data, ...previous].slice(0, KEPT_EVENTS));
      setReceived((count) => count + 1);
    },
    onError: (cause) => {
      if (needsSignIn(cause)) tokenStore.clear();
    },
  });
  return {
    events,
    received,
    status: liveStatus(subscription.status, subscription.error !== null),
    error: subscription.status === "error" ? friendlyError(subscription.error, "the live stream") : null,
  };
}

function liveStatus(status: "idle" | "connecting" | "pending" | "error", hasError: boolean): LiveStatus {
  if (status === "pending") return "live";
  if (status === "error") return "stopped";
  return status === "connecting" && hasError ? "reconnecting" : "connecting";
}
