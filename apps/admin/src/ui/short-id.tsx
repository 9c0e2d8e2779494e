import { shortId } from "./format.ts";

/** A UUID shortened for tables; the full id stays readable on hover and to screen readers. */
export function ShortId({ id }: { id: string }) {
  return (
    <code title={id} aria-label={id}>
      {shortId(id)}
    </code>
  );
}
