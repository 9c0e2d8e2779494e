export function KeyboardHelp() {
  return (
    <p className="keyboard-help">
      Keys: <kbd>←</kbd>/<kbd>→</kbd> or <kbd>p</kbd>/<kbd>n</kbd> move, <kbd>1</kbd>–<kbd>5</kbd> pick an answer, <kbd>m</kbd> marks for review.
    </p>
  );
}
