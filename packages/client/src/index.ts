export type { AppRouter } from "@chronicle/api/router";
export { createChronicleClient, type ChronicleClient, type ChronicleClientOptions } from "./create-chronicle-client.ts";
export type { TokenSource } from "./token-source.ts";
