/**
 * The HTTP status of a health answer: 503 when it reports `degraded`, so that load balancers
 * and uptime checks that read only the status see the outage; the body stays seed 001's shape.
 * For tRPC's responseMeta: `healthHttpStatus(paths, data)` is undefined when it has no opinion.
 */
export function healthHttpStatus(paths: readonly string[] | undefined, data: readonly unknown[]): 503 | undefined {
  if (!paths || paths.length !== 1 || paths[0] !== "health") return undefined;
  const [first] = data as { result?: { data?: { status?: unknown } } }[];
  return first?.result?.data?.status === "degraded" ? 503 : undefined;
}
