import type { AppRouter } from "@chronicle/client";
import { httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import { tokenStore } from "../auth/token-store.ts";

/** The admin app is served by the same origin as the API. */
const TRPC_URL = `${window.location.origin}/trpc`;

/** Typed React Query hooks for every procedure: trpc.admin.learner.useQuery(...) and so on. */
export const trpc = createTRPCReact<AppRouter>();

/**
 * The client behind the hooks. @chronicle/client's client speaks httpBatchLink only, and
 * admin.live is an SSE subscription, so the admin builds its own with a splitLink.
 * EventSource cannot send an Authorization header: the token travels in tRPC's
 * connectionParams, which the server honours for subscriptions only.
 */
export function createAdminTrpcClient() {
  return trpc.createClient({
    links: [
      splitLink({
        condition: (operation) => operation.type === "subscription",
        true: httpSubscriptionLink({ url: TRPC_URL, connectionParams: () => ({ token: tokenStore.read() ?? "" }) }),
        false: httpBatchLink({ url: TRPC_URL, headers: () => ({ authorization: `Bearer ${tokenStore.read() ?? ""}` }) }),
      }),
    ],
  });
}
