export { createChronicleClient, type ChronicleClient, type ChronicleClientOptions, type TokenSource } from "./create-chronicle-client.ts";
