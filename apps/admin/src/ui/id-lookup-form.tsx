import { useState, type FormEvent } from "react";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface IdLookupFormProps {
  label: string;
  value: string;
  onSubmit: (id: string) => void;
}

/** One UUID field with a Show button; a malformed id is explained before any request is made. */
export function IdLookupForm({ label, value, onSubmit }: IdLookupFormProps) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = draft.trim();
    if (!UUID.test(id)) {
      setProblem(`That is not a UUID; paste a ${label.toLowerCase()} like 0199a3b2-1c4d-7e5f-8a9b-0c1d2e3f4a5b.`);
      return;
    }
    setProblem(null);
    onSubmit(id.toLowerCase());
  };
  return (
    <form className="lookup" onSubmit={submit}>
      <label className="field">
        {label}
        <input value={draft} onChange={(event) => setDraft(event.target.value)} spellCheck={false} placeholder="UUID" aria-invalid={problem !== null} />
      </label>
      <button type="submit" className="primary">
        Show
      </button>
      {problem && (
        <p className="friendly-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
