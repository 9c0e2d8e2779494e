/**
 * The page under test: it loads the bundled SDK and creates one durable telemetry client from
 * its query string (`db`, `maxEvents`, `maxQueued`), exposed as `window.telemetry`. Events
 * handed to `onDrop` are collected in `window.droppedEvents`.
 */
export const telemetryTestPage = `<!doctype html>
<meta charset="utf-8">
<title>Chronicle durable queue test page</title>
<script src="/sdk.js"></script>
<script>
  const params = new URLSearchParams(location.search);
  window.droppedEvents = [];
  window.telemetry = ChronicleTelemetry.createDurableTelemetry({
    url: location.origin,
    token: "learner-token",
    maxQueued: Number(params.get("maxQueued") || 10),
    durable: { dbName: params.get("db") || undefined, maxEvents: Number(params.get("maxEvents") || 5000) },
    onDrop: (events) => window.droppedEvents.push(...events),
  });
</script>
`;
