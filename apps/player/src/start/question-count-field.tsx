import { MAX_SESSION_QUESTIONS_IN_PLAYER } from "./start-limits.ts";

export function QuestionCountField({ value, onChange }: { value: number; onChange: (count: number) => void }) {
  return (
    <label className="question-count">
      <span>Number of questions</span>
      <input
        type="number"
        min={1}
        max={MAX_SESSION_QUESTIONS_IN_PLAYER}
        value={Number.isNaN(value) ? "" : value}
        onChange={(event) => onChange(event.target.valueAsNumber)}
        required
      />
    </label>
  );
}
