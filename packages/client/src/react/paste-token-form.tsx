import { useId, useState, type FormEvent } from "react";
import { checkPastedToken } from "../auth/check-pasted-token.ts";
import type { TabTokenStore } from "../auth/tab-token-store.ts";

/**
 * The fallback of both apps' sign-in panels: whoever runs Chronicle issues a token (from their
 * identity provider, or `chronicle token` on a development machine), and the user pastes it here.
 */
export function PasteTokenForm({ store, role }: { store: TabTokenStore; role: "learner" | "admin" }) {
  const fieldId = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkPastedToken(text, role);
    if ("problem" in checked) setProblem(checked.problem);
    else store.save(checked.token);
  };
  return (
    <form className="paste-token" onSubmit={submit}>
      <label htmlFor={fieldId}>Or paste {role === "admin" ? "an admin" : "a learner"} token</label>
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
