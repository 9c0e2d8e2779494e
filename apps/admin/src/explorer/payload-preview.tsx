/** A payload folded to one line; the whole JSON opens in place, so long payloads do not stretch the table. */
export function PayloadPreview({ payload }: { payload: Record<string, unknown> }) {
  const json = JSON.stringify(payload);
  if (json.length <= 60) return <code>{json}</code>;
  return (
    <details>
      <summary>
        <code>{json.slice(0, 57)}…</code>
      </summary>
      <pre>{JSON.stringify(payload, null, 2)}</pre>
    </details>
  );
}
