/** Polls `read` until `isDone` holds; fails with the last value read, which shows what was missing. */
export async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > giveUpAt) throw new Error(`Gave up waiting after ${timeoutMs} ms; last value: ${JSON.stringify(value, null, 1)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
