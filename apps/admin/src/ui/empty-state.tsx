/** Said instead of an empty chart or table, so "nothing yet" never looks like "broken". */
export function EmptyState({ message }: { message: string }) {
  return <p className="empty-state">{message}</p>;
}
