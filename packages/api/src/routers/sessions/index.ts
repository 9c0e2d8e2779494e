import { router } from "../../trpc.ts";
import { answer } from "./answer.ts";
import { create } from "./create.ts";
import { get } from "./get.ts";
import { recent } from "./recent.ts";
import { review } from "./review.ts";
import { submit } from "./submit.ts";
import { topics } from "./topics.ts";

export const sessionsRouter = router({ create, get, answer, submit, review, topics, recent });
