export type { AppRouter } from "@chronicle/server/router";
export { createChronicleClient, type ChronicleClient, type ChronicleClientOptions } from "./create-chronicle-client.ts";
export type { TokenSource } from "./token-source.ts";
