export * from "./counters.ts";
export * from "./exam.ts";
export * from "./game.ts";
export * from "./gamification.ts";
export * from "./mastery.ts";
export * from "./stats.ts";
export * from "./study.ts";
export * from "./answer-changes.ts";
