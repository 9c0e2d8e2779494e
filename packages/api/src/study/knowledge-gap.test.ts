import { describe, expect, it } from "vitest";
import { gapReason, gapScore, isOpenGap, type TopicEvidence } from "./knowledge-gap.ts";

const cardiology: TopicEvidence = {
  topicName: "Cardiology",
  masteryScore: 0.4,
  questionsAttempted: 9,
  firstAttempts: 9,
  firstAttemptsCorrect: 3,
  distinctQuestionsAttempted: 9,
  questionsInTopic: 18,
};

describe("knowledge gaps", () => {
  it("scores (1 − mastery) × share of the topic attempted", () => {
    expect(gapScore(cardiology)).toBeCloseTo(0.6 * 0.5, 10);
    expect(gapScore({ ...cardiology, questionsInTopic: 0 })).toBeCloseTo(0.6, 10);
    expect(gapScore({ ...cardiology, questionsInTopic: 4 })).toBeCloseTo(0.6, 10);
  });

  it("explains itself in one sentence", () => {
    expect(gapReason(cardiology)).toBe("3 of 9 first attempts correct in Cardiology");
    expect(gapReason({ ...cardiology, firstAttempts: 1, firstAttemptsCorrect: 0 })).toBe("0 of 1 first attempt correct in Cardiology");
  });

  it("needs 3 attempts and closes at mastery 0.8", () => {
    expect(isOpenGap({ masteryScore: 0.2, questionsAttempted: 2 })).toBe(false);
    expect(isOpenGap({ masteryScore: 0.79, questionsAttempted: 3 })).toBe(true);
    expect(isOpenGap({ masteryScore: 0.8, questionsAttempted: 3 })).toBe(false);
  });
});
