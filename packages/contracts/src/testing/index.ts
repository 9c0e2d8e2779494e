export { validPayloads } from "./valid-payloads.ts";
