/** True when a Chronicle server answers its health procedure at `url` within a few seconds. */
export async function isServerReachable(url: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchImpl(`${url}/trpc/health`, { signal: AbortSignal.timeout(3000) });
    return response.ok;
  } catch {
    return false;
  }
}
