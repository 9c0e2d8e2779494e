import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { friendlyError } from "../api/friendly-error.ts";
import { FriendlyError } from "./friendly-error.tsx";
import { LoadingNote } from "./loading-note.tsx";

interface QueryViewProps<T, E> {
  query: UseQueryResult<T, E>;
  /** Named in the loading note and in errors: "ingestion health". */
  what: string;
  children: (data: T) => ReactNode;
}

/** The loading note, the friendly error or the data: every page's three states in one place. */
export function QueryView<T, E>({ query, what, children }: QueryViewProps<T, E>) {
  if (query.isPending) return <LoadingNote label={`Loading ${what}…`} />;
  if (query.isError) return <FriendlyError message={friendlyError(query.error, what)} />;
  return <>{children(query.data)}</>;
}
