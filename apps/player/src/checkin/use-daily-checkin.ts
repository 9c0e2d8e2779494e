import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { chronicleApi } from "../api/chronicle-api.ts";
import { queryKeys } from "../api/query-keys.ts";
import { rememberCheckin } from "../profile/fetch-profile.ts";

/**
 * The learner's first activity of the day checks them in (seed 002's daily check-in), so the streak moves.
 * The server decides the UTC day and ignores a second check-in on the same day, so calling it on every
 * page load and every test start is safe. A failed check-in is not the learner's problem: it stays silent.
 */
export function useDailyCheckin() {
  const queryClient = useQueryClient();
  const checkin = useMutation({
    mutationFn: () => chronicleApi.gamification.checkin.mutate(),
    onSuccess: (outcome) => {
      if (!outcome.isNewCheckin) return;
      rememberCheckin(outcome);
      void queryClient.invalidateQueries({ queryKey: queryKeys.profile });
    },
  });
  const { mutate } = checkin;
  useEffect(() => {
    mutate();
  }, [mutate]);
  return checkin;
}
