import { createTelemetry } from "@chronicle/client/telemetry";
import { tokenStore } from "../auth/token-store.ts";
import { fetchWaitingOutOutages } from "./fetch-waiting-out-outages.ts";

/** Long enough for a server restart; the SDK keeps at most 1000 events queued meanwhile. */
const OUTAGE_PATIENCE_MS = 120_000;
const OUTAGE_POLL_MS = 1_000;

/** sessionStorage keeps each session's seq across a reload, so seq stays contiguous. */
function sessionStorageOrNothing(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The player's one telemetry queue; it outlives every screen so nothing queued is lost between them. */
export const playerTelemetry = createTelemetry({
  url: window.location.origin,
  token: () => tokenStore.read() ?? "",
  source: "web",
  storage: sessionStorageOrNothing(),
  fetch: fetchWaitingOutOutages({ patienceMs: OUTAGE_PATIENCE_MS, pollMs: OUTAGE_POLL_MS }),
});
