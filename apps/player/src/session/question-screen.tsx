import { useTelemetry } from "@chronicle/client/react";
import { useEffect, useMemo, useState } from "react";
import { friendlyError } from "../api/friendly-error.ts";
import { navigate } from "../routing/navigate.ts";
import { paths } from "../routing/routes.ts";
import { FriendlyError } from "../ui/friendly-error.tsx";
import { LoadingNote } from "../ui/loading-note.tsx";
import { AnswerSaveStatus } from "./answer-save-status.tsx";
import { CountdownClock } from "./countdown-clock.tsx";
import { KeyboardHelp } from "./keyboard-help.tsx";
import { NavigatorGrid } from "./navigator-grid.tsx";
import { QuestionAnnouncer, useQuestionFocus } from "./question-announcer.tsx";
import { QuestionCard } from "./question-card.tsx";
import { SubmitDialog } from "./submit-dialog.tsx";
import { TimeWarning } from "./time-warning.tsx";
import { useAnswerQuestion } from "./use-answer-question.ts";
import { useCountdown } from "./use-countdown.ts";
import { useFocusTracking } from "./use-focus-tracking.ts";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts.ts";
import { usePlayerSession, type LoadedSession } from "./use-player-session.ts";
import { useQuestionNavigation } from "./use-question-navigation.ts";
import { useSubmitSession } from "./use-submit-session.ts";

interface QuestionScreenProps {
  sessionId: string;
  requestedPosition: number | null;
}

/** Loads the session (also after a reload) and hands a running one to the player. */
export function QuestionScreen({ sessionId, requestedPosition }: QuestionScreenProps) {
  const session = usePlayerSession(sessionId);
  const isSubmitted = session.data?.view.status === "submitted";
  useEffect(() => {
    if (isSubmitted) navigate(paths.review(sessionId), { replace: true });
  }, [isSubmitted, sessionId]);

  if (session.isPending) return <LoadingNote label="Loading your test…" />;
  if (session.isError) {
    return (
      <section className="panel">
        <h1>This test could not be opened</h1>
        <FriendlyError message={friendlyError(session.error, "load this test")} />
        <button type="button" onClick={() => navigate(paths.start())}>
          Start a new test
        </button>
      </section>
    );
  }
  if (isSubmitted) return <LoadingNote label="This test is already submitted; opening its review…" />;
  return <RunningSession sessionId={sessionId} session={session.data} requestedPosition={requestedPosition} />;
}

function RunningSession({ sessionId, session, requestedPosition }: QuestionScreenProps & { session: LoadedSession }) {
  const { view } = session;
  const { track, flush } = useTelemetry(sessionId);
  const navigation = useQuestionNavigation({ sessionId, questions: view.questions, requestedPosition, track });
  const answer = useAnswerQuestion(sessionId);
  const submit = useSubmitSession(sessionId, flush);
  const [isConfirming, setIsConfirming] = useState(false);
  useFocusTracking(track);
  const headingRef = useQuestionFocus(navigation.position);

  const deadline = useMemo(
    () => (view.secondsLeft === null ? null : session.fetchedAt + view.secondsLeft * 1000),
    [view.secondsLeft, session.fetchedAt],
  );
  // When the clock runs out there is nothing left to confirm: the test is submitted as it stands.
  const secondsLeft = useCountdown(deadline, () => submit.mutate("expired"));

  const { current } = navigation;
  const select = (index: number) => {
    if (current && index < current.options.length) answer.mutate({ position: current.position, action: "select", selectedIndex: index });
  };
  const toggleMark = () => {
    if (current) answer.mutate({ position: current.position, action: "mark", marked: !current.marked });
  };
  useKeyboardShortcuts({ next: navigation.next, previous: navigation.previous, pickOption: select, toggleMark }, !submit.isPending && !isConfirming);

  const unanswered = view.questions.filter((question) => question.selectedIndex === null).length;
  const isLast = navigation.position >= view.questionCount;
  const errorMessage = submit.isError
    ? friendlyError(submit.error, "submit your test")
    : answer.isError
      ? friendlyError(answer.error, "save your answer")
      : null;

  return (
    <div className="question-screen">
      <div className="session-bar">
        <h1 className="session-title">
          {view.mode.charAt(0).toUpperCase() + view.mode.slice(1)} test <span className="of-total">· {view.questionCount} questions</span>
        </h1>
        {secondsLeft !== null && <CountdownClock secondsLeft={secondsLeft} />}
        <button type="button" className="primary" onClick={() => setIsConfirming(true)} disabled={submit.isPending}>
          {submit.isPending ? "Submitting…" : "Submit test"}
        </button>
      </div>
      <TimeWarning secondsLeft={secondsLeft} />
      {unanswered > 0 && <p className="hint">{unanswered} of {view.questionCount} questions not answered yet.</p>}
      <FriendlyError message={errorMessage} />
      <NavigatorGrid questions={view.questions} currentPosition={navigation.position} onJump={navigation.jump} />
      <QuestionAnnouncer position={navigation.position} questionCount={view.questionCount} />
      {current && (
        <QuestionCard
          question={current}
          questionCount={view.questionCount}
          isSaving={answer.isPending}
          onSelect={select}
          onToggleMark={toggleMark}
          headingRef={headingRef}
        />
      )}
      {current && <AnswerSaveStatus sessionId={sessionId} position={current.position} />}
      <div className="step-buttons">
        <button type="button" onClick={navigation.previous} disabled={navigation.position <= 1} aria-keyshortcuts="ArrowLeft p">
          ← Previous
        </button>
        {isLast ? (
          <button type="button" className="primary" onClick={() => setIsConfirming(true)} disabled={submit.isPending}>
            Review & submit
          </button>
        ) : (
          <button type="button" onClick={navigation.next} aria-keyshortcuts="ArrowRight n">
            Next →
          </button>
        )}
      </div>
      <KeyboardHelp />
      {isConfirming && (
        <SubmitDialog
          questions={view.questions}
          isSubmitting={submit.isPending}
          onReturn={() => setIsConfirming(false)}
          onJump={(position) => {
            setIsConfirming(false);
            navigation.jump(position);
          }}
          onSubmit={() => submit.mutate("manual")}
          errorMessage={submit.isError ? friendlyError(submit.error, "submit your test") : null}
        />
      )}
    </div>
  );
}
