import { lazy, Suspense } from "react";
import { SignInPanel } from "./auth/sign-in-panel.tsx";
import { useIsSignedIn } from "@chronicle/client/react";
import { tokenStore } from "./auth/token-store.ts";
import { useRoute } from "./routing/use-route.ts";
import { LoadingNote } from "./ui/loading-note.tsx";
import { NotFoundPage } from "./ui/not-found-page.tsx";

// Each page loads on first visit, so opening one area does not download every other area's code.
const IngestionHealthPage = lazy(() => import("./health/ingestion-health-page.tsx").then((module) => ({ default: module.IngestionHealthPage })));
const EventExplorerPage = lazy(() => import("./explorer/event-explorer-page.tsx").then((module) => ({ default: module.EventExplorerPage })));
const SessionTimelinePage = lazy(() => import("./timeline/session-timeline-page.tsx").then((module) => ({ default: module.SessionTimelinePage })));
const LearnerPage = lazy(() => import("./learner/learner-page.tsx").then((module) => ({ default: module.LearnerPage })));
const TopicPage = lazy(() => import("./topic/topic-page.tsx").then((module) => ({ default: module.TopicPage })));
const GamePage = lazy(() => import("./game/game-page.tsx").then((module) => ({ default: module.GamePage })));
const CountersPage = lazy(() => import("./counters/counters-page.tsx").then((module) => ({ default: module.CountersPage })));
const QuarantinePage = lazy(() => import("./quarantine/quarantine-page.tsx").then((module) => ({ default: module.QuarantinePage })));
const ExportsPage = lazy(() => import("./exports/exports-page.tsx").then((module) => ({ default: module.ExportsPage })));
const SyncBatchesPage = lazy(() => import("./sync/sync-batches-page.tsx").then((module) => ({ default: module.SyncBatchesPage })));
const LivePage = lazy(() => import("./live/live-page.tsx").then((module) => ({ default: module.LivePage })));

function CurrentPage() {
  const route = useRoute();
  switch (route.page) {
    case "health":
      return <IngestionHealthPage />;
    case "events":
      return <EventExplorerPage />;
    case "session":
      return <SessionTimelinePage key={route.sessionId} sessionId={route.sessionId} />;
    case "learners":
      return <LearnerPage />;
    case "topics":
      return <TopicPage />;
    case "game":
      return <GamePage />;
    case "counters":
      return <CountersPage />;
    case "quarantine":
      return <QuarantinePage />;
    case "exports":
      return <ExportsPage />;
    case "live":
      return <LivePage />;
    case "sync":
      return <SyncBatchesPage />;
    case "not-found":
      return <NotFoundPage />;
  }
}

/** Picks the page the address names; every page needs a signed-in admin. */
export function AdminPages() {
  const isSignedIn = useIsSignedIn(tokenStore);
  if (!isSignedIn) return <SignInPanel />;
  return (
    <Suspense fallback={<LoadingNote label="Loading the page…" />}>
      <CurrentPage />
    </Suspense>
  );
}
