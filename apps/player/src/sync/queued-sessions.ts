/** How many finished tests are remembered as queued; older ones would only be queued again as duplicates. */
const REMEMBERED = 200;

/**
 * Which finished tests' progress this browser has already queued for a learner, so that
 * reopening a test's results (or reloading them) does not queue and send it a second time.
 * Returns false when it was already queued; storage that refuses only costs a duplicate later.
 */
export function markQueuedOnce(subject: string, sessionId: string): boolean {
  const key = `chronicle.player.progress-queued:${subject}`;
  try {
    const queued = JSON.parse(localStorage.getItem(key) ?? "[]") as string[];
    if (queued.includes(sessionId)) return false;
    localStorage.setItem(key, JSON.stringify([...queued, sessionId].slice(-REMEMBERED)));
    return true;
  } catch {
    return true;
  }
}
