import { useQuery } from "@tanstack/react-query";
import { adminApi } from "../api/admin-api.ts";

export function useLearner(userId: string | null) {
  return useQuery({
    queryKey: ["admin.learner", userId],
    queryFn: () => adminApi.admin.learner.query({ userId: userId! }),
    enabled: userId !== null,
  });
}
