import { useId } from "react";
import { healthWindows } from "./health-windows.ts";

export function HealthWindowPicker({ minutes, onChange }: { minutes: number; onChange: (minutes: number) => void }) {
  const id = useId();
  return (
    <div className="field-inline">
      <label htmlFor={id}>Window</label>
      <select id={id} value={minutes} onChange={(event) => onChange(Number(event.target.value))}>
        {healthWindows.map((window) => (
          <option key={window.minutes} value={window.minutes}>
            {window.label}
          </option>
        ))}
      </select>
    </div>
  );
}
