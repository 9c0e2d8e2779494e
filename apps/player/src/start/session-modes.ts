import type { SessionMode } from "@chronicle/contracts";

/** The modes a learner can pick, explained the way the server runs them (timed modes get 90 s a question). */
export const sessionModes = [
  { mode: "practice", label: "Practice", description: "No clock; take your time." },
  { mode: "timed", label: "Timed", description: "90 seconds a question; submits itself when time runs out." },
  { mode: "exam", label: "Exam", description: "Like the real thing: timed, submits itself at zero." },
  { mode: "review", label: "Review", description: "Revisit questions without a clock." },
] as const satisfies readonly { mode: SessionMode; label: string; description: string }[];
