import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";

describe.each(databaseTargets())("sessions.topics on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("lists every topic of the bank by name with its question count", async () => {
    const bank = await loadQuestionBank(server.db.orm);
    const topics = await server.learner(makeLearner()).sessions.topics();
    expect(topics).toHaveLength(bank.topicCount);
    expect(topics.map((topic) => topic.name)).toEqual(topics.map((topic) => topic.name).sort((a, b) => a.localeCompare(b)));
    expect(topics.reduce((sum, topic) => sum + topic.questionCount, 0)).toBe(bank.questionCount);
    expect(topics.find((topic) => topic.slug === "algebra")).toMatchObject({ name: "Algebra", questionCount: expect.any(Number) });
  });

  it("is for signed-in learners only", async () => {
    await expect(server.anonymous().sessions.topics()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
