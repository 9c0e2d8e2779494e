import { paths, type Route } from "../routing/routes.ts";

/** The admin areas in the order the nav lists them; `pages` are the routes that light each one up. */
export const navItems: { label: string; to: string; pages: Route["page"][] }[] = [
  { label: "Ingestion health", to: paths.health(), pages: ["health"] },
  { label: "Event explorer", to: paths.events(), pages: ["events", "session"] },
  { label: "Learners", to: paths.learner(), pages: ["learners"] },
  { label: "Topics", to: paths.topic(), pages: ["topics"] },
  { label: "Game", to: paths.game(), pages: ["game"] },
  { label: "Counters", to: paths.counters(), pages: ["counters"] },
  { label: "Quarantine", to: paths.quarantine(), pages: ["quarantine"] },
  { label: "Exports", to: paths.exports(), pages: ["exports"] },
  { label: "Sync batches", to: paths.sync(), pages: ["sync"] },
  { label: "Live", to: paths.live(), pages: ["live"] },
];
