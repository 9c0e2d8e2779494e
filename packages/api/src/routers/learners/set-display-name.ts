import { setLearnerDisplayNameInput, setLearnerDisplayNameOutput } from "@chronicle/contracts";
import { learnerDisplayNames } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { serviceProcedure } from "../../trpc.ts";

/** The scope a host product's service token needs to register learners' display names (PII). */
export const LEARNER_NAMES_SCOPE = "learners:names";

/**
 * learners.setDisplayName (service): the host product tells Chronicle what to call a learner in
 * the admin, or forgets the name with null. Names never enter the event log; `chronicle erase` deletes them.
 */
export const setDisplayName = serviceProcedure
  .input(setLearnerDisplayNameInput)
  .output(setLearnerDisplayNameOutput)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.principal.scopes.includes(LEARNER_NAMES_SCOPE)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Registering display names needs the '${LEARNER_NAMES_SCOPE}' scope; mint a service token with --scope ${LEARNER_NAMES_SCOPE}.` });
    }
    if (input.displayName === null) {
      await ctx.db.orm.delete(learnerDisplayNames).where(eq(learnerDisplayNames.userId, input.userId));
    } else {
      const updatedAt = ctx.now().toISOString();
      await ctx.db.orm
        .insert(learnerDisplayNames)
        .values({ userId: input.userId, displayName: input.displayName, updatedAt })
        .onConflictDoUpdate({ target: learnerDisplayNames.userId, set: { displayName: input.displayName, updatedAt } });
    }
    return { userId: input.userId, displayName: input.displayName };
  });
