import type { SessionMode } from "@chronicle/contracts";
import { sessionModes } from "./session-modes.ts";

export function ModePicker({ value, onChange }: { value: SessionMode; onChange: (mode: SessionMode) => void }) {
  return (
    <fieldset className="mode-picker">
      <legend>Mode</legend>
      {sessionModes.map(({ mode, label, description }) => (
        <label key={mode} className="choice">
          <input type="radio" name="mode" value={mode} checked={value === mode} onChange={() => onChange(mode)} />
          <span>
            <strong>{label}</strong> <small>{description}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
