import type { ReactNode } from "react";
import { navigate } from "../routing/navigate.ts";

interface AppLinkProps {
  to: string;
  children: ReactNode;
  className?: string;
  "aria-current"?: "page" | undefined;
  "aria-label"?: string;
}

/** A real link (it opens in a new tab, it can be copied) that navigates in place on a plain click. */
export function AppLink({ to, children, ...rest }: AppLinkProps) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
