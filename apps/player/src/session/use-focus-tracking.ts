import type { SessionTelemetry } from "@chronicle/client/react";
import { useEffect } from "react";

/** Seed 000's PAUSE_BLUR: the learner left the test window, or came back to it. */
export function useFocusTracking(track: SessionTelemetry["track"]): void {
  useEffect(() => {
    const onBlur = () => track("PAUSE_BLUR", { state: "blur" });
    const onFocus = () => track("PAUSE_BLUR", { state: "focus" });
    window.addEventListener("blur", onBlur);
    window.addEventListener("focus", onFocus);
    return () => {
      window.removeEventListener("blur", onBlur);
      window.removeEventListener("focus", onFocus);
    };
  }, [track]);
}
