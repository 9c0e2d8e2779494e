/**
 * Wraps `task` so that at most one run is in flight. Calls made during a run share a single
 * follow-up run, which starts when the current one ends, so every caller's promise resolves
 * only after a run that began after its call — and a burst of calls costs two runs, not many.
 */
export function oneAtATime(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  const run = (): Promise<void> => {
    if (running === null) {
      running = task().finally(() => {
        running = null;
      });
      return running;
    }
    const runNext = () => {
      next = null;
      return run();
    };
    next ??= running.then(runNext, runNext);
    return next;
  };
  return run;
}
