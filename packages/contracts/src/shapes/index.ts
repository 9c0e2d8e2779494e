export * from "./bounded-timestamp.ts";
export * from "./storable-number.ts";
export * from "./string-shapes.ts";
export * from "./well-formed.ts";
