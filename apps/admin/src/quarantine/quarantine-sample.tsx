import type { AdminQuarantineOutput } from "@chronicle/contracts/api";
import { formatTime } from "../ui/format.ts";

type Sample = AdminQuarantineOutput["groups"][number]["samples"][number];

export function QuarantineSample({ sample }: { sample: Sample }) {
  return (
    <li className="quarantine-sample">
      <p>
        <span className="timeline-time">{formatTime(sample.receivedAt)}</span> <code>{sample.eventType ?? "no event_type"}</code>{" "}
        {sample.eventId && <small>id {sample.eventId}</small>}
      </p>
      <p>{sample.message}</p>
      <details>
        <summary>Raw event as received</summary>
        <pre>{sample.rawJson}</pre>
      </details>
    </li>
  );
}
