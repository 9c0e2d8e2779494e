import type { AdminLiveEvent } from "@chronicle/contracts/api";
import { useEffect, useRef, useState } from "react";
import { adminApi } from "../api/admin-api.ts";
import { friendlyError, needsSignIn } from "../api/friendly-error.ts";
import { tokenStore } from "../auth/token-store.ts";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "stopped";

/** The newest events are kept; older ones scroll away so a busy stream cannot grow the page for ever. */
const KEPT_EVENTS = 200;

/**
 * admin.live over SSE, newest first. Every event carries its ingest_seq as the SSE id; when the
 * connection drops, httpSubscriptionLink reconnects with that id as `lastEventId`, so the
 * server resumes right after the last event shown and nothing is missed or repeated. The id
 * is also kept across re-subscriptions of this hook (a remount) for the same reason.
 */
export function useLiveEvents(): { events: AdminLiveEvent[]; received: number; status: LiveStatus; error: string | null } {
  const [events, setEvents] = useState<AdminLiveEvent[]>([]);
  const [received, setReceived] = useState(0);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [error, setError] = useState<string | null>(null);
  const lastEventId = useRef<string | null>(null);

  useEffect(() => {
    const subscription = adminApi.admin.live.subscribe(
      { lastEventId: lastEventId.current },
      {
        onStarted: () => {
          setStatus("live");
          setError(null);
        },
        onData: ({ id, data }) => {
          lastEventId.current = id;
          setEvents((previous) => [data, ...previous].slice(0, KEPT_EVENTS));
          setReceived((count) => count + 1);
        },
        onConnectionStateChange: (state) => {
          if (state.state === "connecting" && state.error) setStatus("reconnecting");
          if (state.state === "pending") setStatus("live");
        },
        onError: (cause) => {
          setStatus("stopped");
          setError(friendlyError(cause, "the live stream"));
          if (needsSignIn(cause)) tokenStore.clear();
        },
      },
    );
    return () => subscription.unsubscribe();
  }, []);

  return { events, received, status, error };
}
