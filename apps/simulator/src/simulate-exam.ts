import type { SessionMode } from "@chronicle/contracts";
import { walkExam } from "./exam-walk.ts";
import { sendClientEvents, SDK_FLUSH_SIZE } from "./send-client-events.ts";
import { createSessionEventLog } from "./session-event-log.ts";
import type { SimulatedLearner, SimulationContext } from "./simulation-context.ts";

const modes: readonly SessionMode[] = ["practice", "practice", "timed", "exam"];

/**
 * A test in the player: sessions.create, get, answers through sessions.answer (the server emits
 * ANSWER_* and marks), the player's own events through telemetry.ingest, flushed every 10 and
 * before submit, then submit and review.
 */
export async function simulateExam(ctx: SimulationContext, learner: SimulatedLearner, startMs: number): Promise<number> {
  const { client, random } = learner;
  const topicIds = random.shuffle(ctx.catalog.topics.map((t) => t.id)).slice(0, random.int(1, 2));
  const created = await client.sessions.create.mutate({ mode: random.pick(modes), topicIds, questionCount: random.int(5, 12) });
  ctx.examSessions.push({ sessionId: created.sessionId, userId: learner.userId });
  const view = await client.sessions.get.query({ sessionId: created.sessionId });
  const log = createSessionEventLog(created.sessionId, startMs);
  const walk = walkExam(
    random,
    log,
    view.questions.map((q) => ({ position: q.position, questionId: q.questionId, optionCount: q.options.length })),
    learner.skill,
  );
  let flushed = 0;
  const flushUpTo = async (count: number) => {
    await sendClientEvents(ctx, learner, "exam", log.events.slice(flushed, count));
    flushed = count;
  };
  for (const [i, action] of walk.actions.entries()) {
    const recorded = walk.clientEventsBefore[i]!;
    if (recorded - flushed >= SDK_FLUSH_SIZE) await flushUpTo(recorded - ((recorded - flushed) % SDK_FLUSH_SIZE));
    await client.sessions.answer.mutate(
      action.action === "select"
        ? { sessionId: created.sessionId, position: action.position, action: "select", selectedIndex: action.selectedIndex }
        : { sessionId: created.sessionId, position: action.position, action: "mark", marked: action.marked },
    );
  }
  await flushUpTo(log.events.length);
  await client.sessions.submit.mutate({ sessionId: created.sessionId, reason: "manual" });
  if (random.chance(0.7)) await client.sessions.review.query({ sessionId: created.sessionId });
  ctx.tally.calls.examSessions += 1;
  return log.nowMs;
}
