import { adminTopicsOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { listTopics } from "../../admin/list-topics.ts";

/** Every topic with its attempts and accuracy. */
export const topics = auditedAdminProcedure.output(adminTopicsOutput).query(({ ctx }) => listTopics(ctx.db.orm));
