import { checkPastedToken, type TabTokenStore } from "@chronicle/client/auth";
import { useId, useState, type FormEvent } from "react";

/**
 * Outside development there is no demo sign-in: whoever runs Chronicle issues tokens (from their
 * identity provider, or `chronicle token` on a development machine), and the user pastes one here.
 */
export function PasteTokenForm({ store }: { store: TabTokenStore }) {
  const fieldId = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkPastedToken(text, "admin");
    if ("problem" in checked) setProblem(checked.problem);
    else store.save(checked.token);
  };
  return (
    <form className="paste-token" onSubmit={submit}>
      <label htmlFor={fieldId}>Or paste an admin token</label>
      <textarea id={fieldId} rows={3} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} placeholder="eyJhbGciOi…" aria-invalid={problem !== null} />
      <button type="submit">Sign in with this token</button>
      {problem && (
        <p className="friendly-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
