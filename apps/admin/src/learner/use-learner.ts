import { skipToken } from "@tanstack/react-query";
import { trpc } from "../api/admin-api.ts";

export function useLearner(userId: string | null) {
  return trpc.admin.learner.useQuery(userId === null ? skipToken : { userId });
}
