import type { AdminLearnerLabel, AdminQuestionText } from "@chronicle/contracts/api";
import { MAX_LOOKUP_IDS } from "@chronicle/contracts/api";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { trpc } from "../api/admin-api.ts";

interface Names {
  questions: ReadonlyMap<string, AdminQuestionText>;
  learners: ReadonlyMap<string, AdminLearnerLabel>;
}

const NamesContext = createContext<Names>({ questions: new Map(), learners: new Map() });

/** Sorted and de-duplicated, so the same ids in another order hit the same cached answer. */
function lookupIds(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => Boolean(id)))].sort().slice(0, MAX_LOOKUP_IDS);
}

interface NamesProviderProps {
  questionIds?: readonly (string | null | undefined)[];
  learnerIds?: readonly (string | null | undefined)[];
  children: ReactNode;
}

/**
 * Looks up, in one call each, the question texts and learner names for the ids a page shows, so
 * its tables read "What is 7 × 8?" and "Ada Lovelace" instead of hex. Until the answer arrives
 * (or if it fails) the cells fall back to the short id, so nothing waits on it.
 */
export function NamesProvider({ questionIds = [], learnerIds = [], children }: NamesProviderProps) {
  const questionKey = lookupIds(questionIds);
  const learnerKey = lookupIds(learnerIds);
  const staleTime = 5 * 60_000;
  const questions = trpc.admin.questionTexts.useQuery({ questionIds: questionKey }, { enabled: questionKey.length > 0, staleTime });
  const learners = trpc.admin.learnerLabels.useQuery({ userIds: learnerKey }, { enabled: learnerKey.length > 0, staleTime });
  const value = useMemo(
    () => ({
      questions: new Map((questions.data ?? []).map((row) => [row.questionId, row])),
      learners: new Map((learners.data ?? []).map((row) => [row.userId, row])),
    }),
    [questions.data, learners.data],
  );
  return <NamesContext.Provider value={value}>{children}</NamesContext.Provider>;
}

export function useNames(): Names {
  return useContext(NamesContext);
}
