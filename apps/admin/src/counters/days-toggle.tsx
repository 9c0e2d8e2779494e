/** Seed 004's dashboard offers exactly these two windows. */
export const counterWindows = [7, 30] as const;
export type CounterWindow = (typeof counterWindows)[number];

export function DaysToggle({ days, onChange }: { days: CounterWindow; onChange: (days: CounterWindow) => void }) {
  return (
    <div role="group" aria-label="Window" className="toggle">
      {counterWindows.map((choice) => (
        <button key={choice} type="button" aria-pressed={days === choice} className={days === choice ? "primary" : undefined} onClick={() => onChange(choice)}>
          {choice} days
        </button>
      ))}
    </div>
  );
}
