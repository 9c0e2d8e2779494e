import { studyCatalogInput, studyCatalogOutput } from "@chronicle/contracts";
import { TRPCError } from "@trpc/server";
import { CATALOG_SCOPE } from "../../auth/principal.ts";
import { registerStudyCatalog } from "../../study/register-catalog.ts";
import { serviceProcedure } from "../../trpc.ts";

/** study.registerCatalog (service, study:catalog): a study app names its topics (with a parent subject) and materials. */
export const registerCatalog = serviceProcedure
  .input(studyCatalogInput)
  .output(studyCatalogOutput)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.principal.scopes.includes(CATALOG_SCOPE)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Registering study topics and materials needs the '${CATALOG_SCOPE}' scope; mint a service token with --scope ${CATALOG_SCOPE}.`,
      });
    }
    return registerStudyCatalog(ctx.db.orm, input, ctx.now());
  });
