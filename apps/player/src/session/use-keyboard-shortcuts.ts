import { useEffect, useRef } from "react";

export interface QuestionShortcuts {
  next(): void;
  previous(): void;
  pickOption(index: number): void;
  toggleMark(): void;
}

/** Keys typed into a text field or a list belong to it, not to the player. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["radio", "checkbox", "button"].includes(target.type);
}

/** Arrows or n/p move between questions, 1–5 pick an option, m marks for review. */
export function useKeyboardShortcuts(shortcuts: QuestionShortcuts, isEnabled: boolean): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!isEnabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "arrowright" || key === "n") latest.current.next();
      else if (key === "arrowleft" || key === "p") latest.current.previous();
      else if (key === "m") latest.current.toggleMark();
      else if (/^[1-5]$/.test(key)) latest.current.pickOption(Number(key) - 1);
      else return;
      // A focused radio button would otherwise also move its own selection with the arrow keys.
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [isEnabled]);
}
