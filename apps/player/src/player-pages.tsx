import { useIsSignedIn } from "@chronicle/client/react";
import { useEffect } from "react";
import { useDailyCheckin } from "./checkin/use-daily-checkin.ts";
import { tokenStore } from "./auth/token-store.ts";
import { SignInPanel } from "./auth/sign-in-panel.tsx";
import { ReviewPage } from "./review/review-page.tsx";
import { useRoute } from "./routing/use-route.ts";
import { QuestionScreen } from "./session/question-screen.tsx";
import { StartScreen } from "./start/start-screen.tsx";
import { progressSync } from "./sync/progress-sync.ts";
import { NotFoundPage } from "./ui/not-found-page.tsx";

/** Picks the page the address names; every page needs a signed-in learner. */
export function PlayerPages() {
  const isSignedIn = useIsSignedIn(tokenStore);
  if (!isSignedIn) return <SignInPanel />;
  return <SignedInPages />;
}

function SignedInPages() {
  const route = useRoute();
  useDailyCheckin();
  // The learner's progress sync runs on every page: its schedule and reconnect do not wait for the results.
  useEffect(() => progressSync.start(), []);
  switch (route.page) {
    case "start":
      return <StartScreen />;
    case "session":
      // Keyed by session so that nothing of one test leaks into the next.
      return <QuestionScreen key={route.sessionId} sessionId={route.sessionId} requestedPosition={route.position} />;
    case "review":
      return <ReviewPage key={route.sessionId} sessionId={route.sessionId} />;
    case "not-found":
      return <NotFoundPage />;
  }
}
