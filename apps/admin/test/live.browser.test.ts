import { createChronicleClient } from "@chronicle/client";
import type { ClientEvent } from "@chronicle/contracts";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useAdminHarness } from "./support/admin-harness.ts";
import { hasChromium, saveScreenshot } from "./support/chromium.ts";

/** The brief's promise to staff: a learner's action shows on the Live page within two seconds. */
const LIVE_WITHIN_MS = 2000;

describe.skipIf(!hasChromium)("the Live page", () => {
  const harness = useAdminHarness();

  it("shows a learner's event within 2 s of its ingest, over the admin.live SSE stream", async () => {
    const page = await harness.openSignedInPage("/admin/live");
    await page.getByRole("status").filter({ hasText: /^● Live$/ }).waitFor();

    const learner = createChronicleClient({ url: harness.server.url, token: await harness.server.backend.token("learner", randomUUID()) });
    const sessionId = randomUUID();
    const event = { id: randomUUID(), event_type: "session_start", session_id: sessionId, client_ts: new Date().toISOString(), seq: 0, payload: { device_type: "web", timezone: "Europe/Madrid" } };
    const sentAt = Date.now();
    const answer = await learner.telemetry.ingest.mutate({ source: "web", events: [event as unknown as ClientEvent] });
    expect(answer.accepted).toBe(1);

    await page.getByRole("log", { name: "Live events, newest first" }).getByRole("link", { name: `Session timeline ${sessionId}` }).waitFor({ timeout: LIVE_WITHIN_MS });
    const elapsedMs = Date.now() - sentAt;
    console.log(`[measure] ingest → visible on the Live page: ${elapsedMs} ms`);
    expect(elapsedMs).toBeLessThanOrEqual(LIVE_WITHIN_MS);
    await saveScreenshot(page, "live");
    expect(harness.pageErrors).toEqual([]);
  });
});
