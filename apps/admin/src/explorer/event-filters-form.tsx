import type { AdminEventFilters } from "@chronicle/contracts/api";
import { eventFamilies } from "@chronicle/contracts/catalog";
import { useState, type FormEvent } from "react";
import { eventTypesByFamily } from "./event-type-options.ts";
import { EventTypePicker } from "./event-type-picker.tsx";
import { isoFromUtcInput, utcInputFromIso } from "./utc-input.ts";

export interface FilterDraft {
  types: string[];
  families: string[];
  userId: string;
  sessionId: string;
  from: string;
  to: string;
}

function draftOf(filters: AdminEventFilters): FilterDraft {
  return {
    types: filters.types ?? [],
    families: filters.families ?? [],
    userId: filters.userId ?? "",
    sessionId: filters.sessionId ?? "",
    from: utcInputFromIso(filters.from),
    to: utcInputFromIso(filters.to),
  };
}

function keepTypesOf(families: readonly string[], types: readonly string[]): string[] {
  if (families.length === 0) return [...types];
  const allowed = new Set<string>(eventTypesByFamily.filter((group) => families.includes(group.family)).flatMap((group) => group.types));
  return types.filter((type) => allowed.has(type));
}

interface EventFiltersFormProps {
  filters: AdminEventFilters;
  onApply: (draft: FilterDraft) => void;
}

/** Edits a draft; the address (and so the query) changes only on "Apply", not on every keystroke. */
export function EventFiltersForm({ filters, onApply }: EventFiltersFormProps) {
  const [draft, setDraft] = useState(() => draftOf(filters));
  const set = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, userId: draft.userId.trim(), sessionId: draft.sessionId.trim(), from: isoFromUtcInput(draft.from), to: isoFromUtcInput(draft.to) });
  };
  const clear = () => {
    const empty: FilterDraft = { types: [], families: [], userId: "", sessionId: "", from: "", to: "" };
    setDraft(empty);
    onApply(empty);
  };

  return (
    <form className="filters" onSubmit={apply} aria-label="Event filters">
      <fieldset>
        <legend>Family</legend>
        {eventFamilies.map((family) => (
          <label key={family} className="choice">
            <input
              type="checkbox"
              checked={draft.families.includes(family)}
              onChange={(event) => {
                const families = event.target.checked ? [...draft.families, family] : draft.families.filter((f) => f !== family);
                // A type of a family no longer ticked would silently match nothing: drop it with its family.
                setDraft((previous) => ({ ...previous, families, types: keepTypesOf(families, previous.types) }));
              }}
            />
            {family}
          </label>
        ))}
      </fieldset>
      <EventTypePicker families={draft.families} selected={draft.types} onChange={(types) => set("types", types)} />
      <label className="field">
        Learner id
        <input value={draft.userId} onChange={(event) => set("userId", event.target.value)} placeholder="UUID" spellCheck={false} />
      </label>
      <label className="field">
        Session id
        <input value={draft.sessionId} onChange={(event) => set("sessionId", event.target.value)} placeholder="UUID" spellCheck={false} />
      </label>
      <label className="field">
        From (UTC)
        <input type="datetime-local" step={1} value={draft.from} onChange={(event) => set("from", event.target.value)} />
      </label>
      <label className="field">
        To (UTC)
        <input type="datetime-local" step={1} value={draft.to} onChange={(event) => set("to", event.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}
