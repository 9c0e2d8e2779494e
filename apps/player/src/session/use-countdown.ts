import { useEffect, useRef, useState } from "react";

const TICK_MS = 250;

/**
 * Whole seconds left until `deadline` (epoch ms), or null without a clock. Calls `onExpire`
 * once when it reaches zero, also when the page opens after the deadline.
 */
export function useCountdown(deadline: number | null, onExpire: () => void): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [deadline]);

  const secondsLeft = deadline === null ? null : Math.max(0, Math.ceil((deadline - now) / 1000));
  const latestOnExpire = useRef(onExpire);
  useEffect(() => {
    latestOnExpire.current = onExpire;
  });
  const hasExpired = useRef(false);
  useEffect(() => {
    if (secondsLeft !== 0 || hasExpired.current) return;
    hasExpired.current = true;
    latestOnExpire.current();
  }, [secondsLeft]);
  return secondsLeft;
}
