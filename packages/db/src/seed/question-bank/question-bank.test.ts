import { describe, expect, it } from "vitest";
import { seedQuestions, seedTopics } from "./index.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

describe("demo question bank", () => {
  it("has at least 8 topics and 160 questions", () => {
    expect(seedTopics.length).toBeGreaterThanOrEqual(8);
    expect(seedQuestions.length).toBeGreaterThanOrEqual(160);
  });

  it("has at least 20 questions for every topic", () => {
    for (const topic of seedTopics) {
      const count = seedQuestions.filter((q) => q.topicSlug === topic.slug).length;
      expect(count, topic.slug).toBeGreaterThanOrEqual(20);
    }
  });

  it("uses unique, valid UUIDs for topics and questions", () => {
    const ids = [...seedTopics.map((t) => t.id), ...seedQuestions.map((q) => q.id)];
    for (const id of ids) expect(id, id).toMatch(UUID_RE);
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length);
  });

  it("has unique topic slugs, and every question references an existing topic", () => {
    const slugs = seedTopics.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const q of seedQuestions) expect(slugs, q.id).toContain(q.topicSlug);
  });

  it("gives every question 4–5 distinct non-empty options and an in-range correctIndex", () => {
    for (const q of seedQuestions) {
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(4);
      expect(q.options.length, q.id).toBeLessThanOrEqual(5);
      for (const option of q.options) expect(option.trim().length, q.id).toBeGreaterThan(0);
      expect(new Set(q.options.map((o) => o.trim())).size, q.id).toBe(q.options.length);
      expect(Number.isInteger(q.correctIndex), q.id).toBe(true);
      expect(q.correctIndex, q.id).toBeGreaterThanOrEqual(0);
      expect(q.correctIndex, q.id).toBeLessThan(q.options.length);
      expect(q.stem.trim().length, q.id).toBeGreaterThan(0);
      expect(q.explanation.trim().length, q.id).toBeGreaterThan(0);
    }
  });

  it("spreads correct answers across option positions (no position above 40%)", () => {
    const byPosition = new Map<number, number>();
    for (const q of seedQuestions) byPosition.set(q.correctIndex, (byPosition.get(q.correctIndex) ?? 0) + 1);
    for (const [position, count] of byPosition) {
      expect(count / seedQuestions.length, `position ${position}`).toBeLessThanOrEqual(0.4);
    }
  });

  it("uses difficulties 1–5 with at least 3 distinct difficulties per topic", () => {
    for (const q of seedQuestions) {
      expect(Number.isInteger(q.difficulty), q.id).toBe(true);
      expect(q.difficulty, q.id).toBeGreaterThanOrEqual(1);
      expect(q.difficulty, q.id).toBeLessThanOrEqual(5);
    }
    for (const topic of seedTopics) {
      const levels = new Set(seedQuestions.filter((q) => q.topicSlug === topic.slug).map((q) => q.difficulty));
      expect(levels.size, topic.slug).toBeGreaterThanOrEqual(3);
    }
  });

  it("has unique stems", () => {
    const stems = seedQuestions.map((q) => q.stem.trim().toLowerCase());
    expect(new Set(stems).size).toBe(stems.length);
  });
});
