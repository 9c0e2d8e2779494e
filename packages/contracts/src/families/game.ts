import { z } from "zod";
import { storableNumber } from "../shapes/storable-number.ts";
import { defineEvent, type PrivacyClass } from "../catalog/event-spec.ts";
import { freeText } from "../privacy/scrub-free-text.ts";
import { identifier, label, version } from "../shapes/string-shapes.ts";

// Seed 003: educational-game telemetry. The type-specific fields are what the eight
// behavioural features need: task ids pair starts with completions (completion rate,
// time efficiency), failures with later successes (recovery rate), and durations
// feed distraction resistance.
const game = { family: "game", retention: "ninety_days", emitters: ["service", "client"], version: 1 } as const;
const gameContext = { mission_id: identifier(100).optional(), game_version: version() };

const taskId = identifier(100);
const durationSeconds = z.int().min(0).max(86_400);
const peerCount = z.int().min(1).max(100);
// seed 003 stores choices in a VARCHAR(255) column; a choice is an id such as help_friend.
const choiceLabel = identifier(255);

const onTask = z.strictObject({ ...gameContext, task_id: taskId.optional() });
const withReason = z.strictObject({ ...gameContext, task_id: taskId.optional(), reason: freeText().optional() });
const interruption = z.strictObject({ ...gameContext, duration_seconds: durationSeconds.optional() });
const social = z.strictObject({ ...gameContext, peer_count: peerCount.optional() });
const contextOnly = z.strictObject(gameContext);

function gameEvent<P extends z.ZodType>(description: string, privacy: PrivacyClass, payload: P) {
  return defineEvent({ ...game, description, privacy, payload });
}

export const gameEvents = {
  mission_start: gameEvent(
    "A mission began.",
    "behavioural",
    z.strictObject({
      ...gameContext,
      mission: label(100).optional(),
      difficulty: z.enum(["easy", "medium", "hard"]).optional(),
    }),
  ),
  mission_complete: gameEvent(
    "A mission ended, with its outcome and score.",
    "performance",
    z.strictObject({
      ...gameContext,
      outcome: z.enum(["success", "failure", "abandoned"]).optional(),
      score: storableNumber(0, 1_000_000).optional(),
    }),
  ),
  task_start: gameEvent(
    "A task began; expected_duration_seconds is the yardstick of time efficiency.",
    "behavioural",
    z.strictObject({ ...gameContext, task_id: taskId, expected_duration_seconds: durationSeconds.optional() }),
  ),
  task_complete: gameEvent(
    "A task was completed; counts toward the task completion rate.",
    "performance",
    z.strictObject({ ...gameContext, task_id: taskId, duration_seconds: durationSeconds.optional() }),
  ),
  choice_made: gameEvent("The student made a choice in the story.", "behavioural", z.strictObject({ ...gameContext, choice: choiceLabel })),
  retry: gameEvent("The student retried a task; counts toward retry count.", "behavioural", onTask),
  restart: gameEvent("The student restarted; counts toward retry count.", "behavioural", onTask),
  failure: gameEvent("A task failed; opens a chance of recovery.", "free_text", withReason),
  mistake: gameEvent("The student made a mistake.", "free_text", withReason),
  recovery: gameEvent("The student recovered from a failure.", "behavioural", onTask),
  success_after_failure: gameEvent("The student succeeded after failing; counts toward recovery rate.", "behavioural", onTask),
  distraction: gameEvent("The student got distracted; lowers distraction resistance.", "behavioural", interruption),
  pause: gameEvent("The student paused the game.", "behavioural", interruption),
  collaboration: gameEvent("Collaboration with peers was detected.", "behavioural", social),
  help_given: gameEvent("The student helped others.", "behavioural", social),
  help_received: gameEvent("The student received help.", "behavioural", social),
  leadership: gameEvent("The student showed leadership.", "behavioural", contextOnly),
  initiative: gameEvent("The student took the initiative.", "behavioural", contextOnly),
  decision_made: gameEvent("The student made a decision.", "behavioural", z.strictObject({ ...gameContext, decision: choiceLabel })),
  // Emitted by game.closeSession with a deterministic id, so closing twice appends nothing;
  // the behavioural features are computed from the session's events before it in the log.
  session_closed: defineEvent({
    ...game,
    emitters: ["server"],
    description: "Chronicle: the game session was closed and its behavioural features extracted",
    privacy: "behavioural",
    payload: z.strictObject({ game_version: gameContext.game_version }),
  }),
} as const;
