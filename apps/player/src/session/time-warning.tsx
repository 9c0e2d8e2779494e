import { useEffect, useRef, useState } from "react";

/** The moments a timed test speaks up, in seconds left, largest first. */
const WARN_AT_SECONDS = [300, 60] as const;

function warningFor(threshold: number): string {
  const minutes = threshold / 60;
  return `${minutes} minute${minutes === 1 ? "" : "s"} left: answer what you can, then submit.`;
}

/**
 * A timed test warns once at 5 minutes and once at 1 minute, on screen and to screen readers
 * (an alert, so it interrupts). A test opened with less time left warns only for the last threshold passed.
 */
export function TimeWarning({ secondsLeft }: { secondsLeft: number | null }) {
  const [message, setMessage] = useState<string | null>(null);
  const warned = useRef<number | null>(null);
  useEffect(() => {
    if (secondsLeft === null || secondsLeft === 0) return;
    const passed = WARN_AT_SECONDS.filter((threshold) => secondsLeft <= threshold).at(-1);
    if (passed === undefined || warned.current === passed) return;
    warned.current = passed;
    setMessage(warningFor(passed));
  }, [secondsLeft]);
  return (
    <div className="time-warning" role="alert">
      {message}
    </div>
  );
}
