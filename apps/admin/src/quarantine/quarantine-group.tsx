import type { AdminQuarantineOutput } from "@chronicle/contracts/api";
import { rejectionCodes } from "@chronicle/contracts";
import { useId } from "react";
import { formatCount, formatTime } from "../ui/format.ts";
import { QuarantineSample } from "./quarantine-sample.tsx";

type Group = AdminQuarantineOutput["groups"][number];

function meaningOf(code: string): string {
  return (rejectionCodes as Record<string, string>)[code] ?? "A rejection code this admin app does not describe yet.";
}

/** One rejection reason: what it means, how often and when, and a few of the events it refused. */
export function QuarantineGroup({ group }: { group: Group }) {
  const titleId = useId();
  return (
    <section className="panel quarantine-group" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>
          <code>{group.code}</code>
        </h2>
        <strong>
          {formatCount(group.count)} event{group.count === 1 ? "" : "s"}
        </strong>
      </div>
      <p>{meaningOf(group.code)}</p>
      <p className="hint">
        First {formatTime(group.firstSeen)}, last {formatTime(group.lastSeen)} UTC
      </p>
      <ul aria-label={`Samples of ${group.code}`}>
        {group.samples.map((sample, index) => (
          <QuarantineSample key={`${sample.eventId ?? "none"}-${index}`} sample={sample} />
        ))}
      </ul>
    </section>
  );
}
