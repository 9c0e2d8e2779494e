import type { TRPCRequestInfo } from "@trpc/server/http";

/**
 * The Authorization header to check for a request. Browsers' EventSource cannot send headers,
 * so tRPC's httpSubscriptionLink sends `connectionParams` in the URL instead; a `token` there is
 * honoured for subscriptions only. Queries and mutations keep needing the header, so a token
 * copied out of a URL (a log, a history entry) can never write or read anything but a stream.
 */
export function authorizationFor(header: string | undefined, info: Pick<TRPCRequestInfo, "type" | "connectionParams"> | undefined): string | undefined {
  if (header) return header;
  if (info?.type !== "subscription") return undefined;
  const token = info.connectionParams?.token;
  return typeof token === "string" && token !== "" ? `Bearer ${token}` : undefined;
}
