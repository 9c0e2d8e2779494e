import type { SessionMode } from "@chronicle/contracts";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { chronicleApi } from "../api/chronicle-api.ts";
import { friendlyError } from "../api/friendly-error.ts";
import { navigate } from "../routing/navigate.ts";
import { paths } from "../routing/routes.ts";
import { RecentTests } from "../history/recent-tests.tsx";
import { LevelProgress } from "../profile/level-progress.tsx";
import { SuggestedTopicsTray } from "../suggestions/suggested-topics-tray.tsx";
import { FriendlyError } from "../ui/friendly-error.tsx";
import { LoadingNote } from "../ui/loading-note.tsx";
import { ModePicker } from "./mode-picker.tsx";
import { QuestionCountField } from "./question-count-field.tsx";
import { DEFAULT_QUESTION_COUNT, MAX_SESSION_QUESTIONS_IN_PLAYER } from "./start-limits.ts";
import { TopicPicker } from "./topic-picker.tsx";
import { useTopics } from "./use-topics.ts";

export function StartScreen() {
  const topics = useTopics();
  const [mode, setMode] = useState<SessionMode>("practice");
  const [selectedTopicIds, setSelectedTopicIds] = useState<ReadonlySet<string>>(new Set());
  const [questionCount, setQuestionCount] = useState(DEFAULT_QUESTION_COUNT);
  const start = useMutation({
    mutationFn: () =>
      chronicleApi.sessions.create.mutate({ mode, topicIds: [...selectedTopicIds], questionCount }),
    onSuccess: (created) => navigate(paths.session(created.sessionId, 1)),
  });

  const setTopic = (topicId: string, isSelected: boolean) =>
    setSelectedTopicIds((current) => {
      const next = new Set(current);
      if (isSelected) next.add(topicId);
      else next.delete(topicId);
      return next;
    });
  const isCountValid = Number.isInteger(questionCount) && questionCount >= 1 && questionCount <= MAX_SESSION_QUESTIONS_IN_PLAYER;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isCountValid) start.mutate();
  };

  return (
    <>
    <form className="start-screen panel" onSubmit={submit} aria-labelledby="start-title">
      <h1 id="start-title">Start a test</h1>
      <LevelProgress />
      <ModePicker value={mode} onChange={setMode} />
      {topics.isPending && <LoadingNote label="Loading topics…" />}
      <FriendlyError message={topics.isError ? friendlyError(topics.error, "load the topics") : null} />
      {topics.data && (
        <>
          <TopicPicker topics={topics.data} selectedIds={selectedTopicIds} onToggle={(id) => setTopic(id, !selectedTopicIds.has(id))} />
          <SuggestedTopicsTray
            topics={topics.data}
            selectedIds={selectedTopicIds}
            onAccept={(ids) => ids.forEach((id) => setTopic(id, true))}
            onUnaccept={(ids) => ids.forEach((id) => setTopic(id, false))}
          />
        </>
      )}
      <QuestionCountField value={questionCount} onChange={setQuestionCount} />
      {!isCountValid && <p className="hint">Choose between 1 and {MAX_SESSION_QUESTIONS_IN_PLAYER} questions.</p>}
      <FriendlyError message={start.isError ? friendlyError(start.error, "start your test") : null} />
      <button type="submit" className="primary" disabled={start.isPending || !isCountValid}>
        {start.isPending ? "Starting…" : "Start test"}
      </button>
    </form>
    <RecentTests />
    </>
  );
}
