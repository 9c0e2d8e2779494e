import { useCallback, useMemo } from "react";
import { navigate } from "./navigate.ts";
import { useCurrentUrl } from "./use-current-url.ts";

export type ParamUpdate = Record<string, string | string[] | null | undefined>;

/**
 * The page's filters, kept in the query string so that a filtered view can be reloaded, shared
 * and stepped through with back/forward. Empty values are dropped from the address.
 */
export function useSearchParams(): [URLSearchParams, (update: ParamUpdate, options?: { replace?: boolean }) => void] {
  const { pathname, search } = useCurrentUrl();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const update = useCallback(
    (changes: ParamUpdate, options: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(search);
      for (const [key, value] of Object.entries(changes)) {
        next.delete(key);
        for (const item of Array.isArray(value) ? value : [value]) if (item) next.append(key, item);
      }
      const text = next.toString();
      navigate(`${pathname}${text ? `?${text}` : ""}`, options);
    },
    [pathname, search],
  );
  return [params, update];
}
