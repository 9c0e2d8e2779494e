export * from "./test-databases.ts";
export * from "./tcp-fault-proxy.ts";
