function spoken(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${minutes} minute${minutes === 1 ? "" : "s"} ${rest} second${rest === 1 ? "" : "s"} left`;
}

/** mm:ss on screen; screen readers read the whole phrase when asked, not every tick. */
export function CountdownClock({ secondsLeft }: { secondsLeft: number }) {
  const minutes = String(Math.floor(secondsLeft / 60)).padStart(2, "0");
  const seconds = String(secondsLeft % 60).padStart(2, "0");
  return (
    <div className={`countdown${secondsLeft <= 60 ? " is-running-out" : ""}`} role="timer" aria-label={spoken(secondsLeft)}>
      {minutes}:{seconds}
    </div>
  );
}
