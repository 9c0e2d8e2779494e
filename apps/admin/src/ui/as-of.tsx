import type { ConsistencyWatermark } from "@chronicle/contracts/api";
import { formatTime } from "./format.ts";

/**
 * "As of <time>": the figures below come from projections, which trail the log by a pass, so
 * staff can tell a number that is still catching up from one that is wrong. The log position
 * is in the tooltip, for comparing two answers exactly.
 */
export function AsOf({ watermark }: { watermark: ConsistencyWatermark }) {
  return (
    <p className="as-of" title={`Includes every event up to log position ${watermark.logPosition}`}>
      {watermark.consistentThrough ? (
        <>
          As of <time dateTime={watermark.consistentThrough}>{formatTime(watermark.consistentThrough)} UTC</time>
        </>
      ) : (
        "As of: no events counted yet"
      )}
    </p>
  );
}
