import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest, studyEvent, submitPayload } from "../../study/study-test-kit.ts";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";
import { makeAdmin } from "../admin/admin-test-kit.ts";

describe.each(databaseTargets())("study.registerCatalog and the admin's study topics on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("names a study topic and its materials beside the bank's topics, in admin.topics, admin.topic and admin.learner", async () => {
    const learner = makeLearner();
    const [topicId, materialId, session] = [randomUUID(), randomUUID(), randomUUID()];
    // Before registration the study topic has stats but no name: the learner page says null, the topic page 404.
    await ingest(server, learner, [studyEvent("session_start", session), studyEvent("question_submit", session, submitPayload(randomUUID(), topicId, true))]);
    await server.settle();
    const { caller: admin } = makeAdmin(server);
    expect((await admin.admin.learner({ userId: learner })).mastery).toEqual([expect.objectContaining({ topicId, topicName: null })]);
    await expect(admin.admin.topic({ topicId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const studyApp = server.service(randomUUID(), ["study:catalog"]);
    const registered = await studyApp.study.registerCatalog({
      topics: [{ topicId, name: "Cell biology (draft)", subject: "Biology" }, { topicId, name: "Cell biology", subject: "Biology" }],
      materials: [{ materialId, topicId, name: "Mitosis, illustrated" }],
    });
    expect(registered).toEqual({ topics: 1, materials: 1 });

    expect((await admin.admin.learner({ userId: learner })).mastery).toEqual([expect.objectContaining({ topicId, topicName: "Cell biology" })]);
    expect(await admin.admin.topic({ topicId })).toMatchObject({
      topicId,
      name: "Cell biology",
      kind: "study",
      subject: "Biology",
      materials: [{ materialId, name: "Mitosis, illustrated" }],
    });
    expect((await admin.admin.topics()).topics.find((t) => t.topicId === topicId)).toEqual({
      topicId, slug: topicId, name: "Cell biology", kind: "study", subject: "Biology", questions: 0, attempts: 1, correct: 1, accuracyPercent: 100,
    });
  });

  it("refuses a service token without study:catalog, and learners", async () => {
    const input = { topics: [{ topicId: randomUUID(), name: "X", subject: null }] };
    await expect(server.service(randomUUID(), ["events:study"]).study.registerCatalog(input)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Registering study topics and materials needs the 'study:catalog' scope; mint a service token with --scope study:catalog.",
    });
    await expect(server.learner(makeLearner()).study.registerCatalog(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
