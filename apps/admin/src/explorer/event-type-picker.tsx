import { useState } from "react";
import { eventTypesByFamily } from "./event-type-options.ts";

interface EventTypePickerProps {
  /** Families ticked in the form; none means every family. */
  families: readonly string[];
  selected: readonly string[];
  onChange: (types: string[]) => void;
}

/** Types to choose from: only the ticked families' types, narrowed further by what is typed in the search box. */
export function visibleTypeGroups(families: readonly string[], search: string) {
  const needle = search.trim().toLowerCase();
  return eventTypesByFamily
    .filter((group) => families.length === 0 || families.includes(group.family))
    .map((group) => ({ family: group.family, types: group.types.filter((type) => type.toLowerCase().includes(needle)) }))
    .filter((group) => group.types.length > 0);
}

/** A searchable checklist of event types, grouped and filtered by family, that scrolls inside its own box. */
export function EventTypePicker({ families, selected, onChange }: EventTypePickerProps) {
  const [search, setSearch] = useState("");
  const groups = visibleTypeGroups(families, search);
  const toggle = (type: string, isOn: boolean) => onChange(isOn ? [...selected, type] : selected.filter((chosen) => chosen !== type));
  return (
    <fieldset className="type-picker">
      <legend>Event types {selected.length > 0 && <small>({selected.length} chosen)</small>}</legend>
      <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Search types" aria-label="Search event types" />
      <div className="type-picker-list">
        {groups.length === 0 && <p className="hint">No type matches.</p>}
        {groups.map((group) => (
          <div key={group.family} role="group" aria-label={`${group.family} types`}>
            <p className="type-group-name" aria-hidden="true">
              {group.family}
            </p>
            {group.types.map((type) => (
              <label key={type} className="choice">
                <input type="checkbox" checked={selected.includes(type)} onChange={(event) => toggle(type, event.target.checked)} />
                <code>{type}</code>
              </label>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
