/** A one-sentence problem staff can act on; screen readers announce it when it appears. */
export function FriendlyError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="friendly-error" role="alert">
      {message}
    </p>
  );
}
