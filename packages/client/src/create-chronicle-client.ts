import type { AppRouter } from "@chronicle/api/router";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { resolveToken, type TokenSource } from "./token-source.ts";

export interface ChronicleClientOptions {
  /** The server's origin, e.g. `https://chronicle.example.com`; tRPC lives under `/trpc`. */
  url: string;
  token: TokenSource;
  fetch?: typeof globalThis.fetch;
}

export type ChronicleClient = ReturnType<typeof createTRPCClient<AppRouter>>;

/** A typed client for every Chronicle procedure; the server speaks plain JSON, so there is no transformer. */
export function createChronicleClient(options: ChronicleClientOptions): ChronicleClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.url.replace(/\/+$/, "")}/trpc`,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        async headers() {
          return { authorization: `Bearer ${await resolveToken(options.token)}` };
        },
      }),
    ],
  });
}
