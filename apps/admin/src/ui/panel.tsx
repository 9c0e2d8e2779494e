import { useId, type ReactNode } from "react";

interface PanelProps {
  title: string;
  /** Controls shown beside the title (a toggle, a window picker). */
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled section of a page; the title names the region for screen readers. */
export function Panel({ title, actions, children }: PanelProps) {
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
