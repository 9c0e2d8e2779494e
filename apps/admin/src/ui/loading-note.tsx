export function LoadingNote({ label }: { label: string }) {
  return (
    <p className="loading-note" role="status">
      {label}
    </p>
  );
}
