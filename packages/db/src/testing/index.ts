export * from "./test-databases.ts";
export * from "./tcp-fault-proxy.ts";
export * from "./log-event.ts";
