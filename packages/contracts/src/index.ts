export * from "./api/index.ts";
export * from "./catalog/index.ts";
export * from "./envelope.ts";
export * from "./limits.ts";
export * from "./privacy/scrub-free-text.ts";
export * from "./rejections.ts";
export * from "./validate-event.ts";
export * from "./versioning/upcast.ts";
