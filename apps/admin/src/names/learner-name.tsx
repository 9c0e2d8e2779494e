import type { AdminLearnerLabel } from "@chronicle/contracts/api";
import { paths } from "../routing/routes.ts";
import { AppLink } from "../ui/app-link.tsx";
import { shortId } from "../ui/format.ts";
import { useNames } from "./names-context.tsx";

/** The words for a learner: a name, a pseudonym, "Demo learner" or "Erased learners"; the short id until known. */
export function learnerText(label: AdminLearnerLabel | undefined, userId: string): string {
  return label?.label ?? shortId(userId);
}

/** Just the words, for a cell that links elsewhere. */
export function LearnerLabelText({ id }: { id: string }) {
  return <>{learnerText(useNames().learners.get(id), id)}</>;
}

/** A learner as a link to their page, named (not a bare id); erased learners have no page to open. */
export function LearnerName({ id, label }: { id: string; label?: AdminLearnerLabel }) {
  const names = useNames();
  const known = label ?? names.learners.get(id);
  const text = learnerText(known, id);
  if (known?.kind === "erased") return <span className="learner-name is-erased" title="Events of erased learners, kept for the counts only">{text}</span>;
  return (
    <AppLink to={paths.learner(id)} className={`learner-name${known ? ` is-${known.kind}` : ""}`} aria-label={`Learner ${text}`}>
      {text}
    </AppLink>
  );
}
