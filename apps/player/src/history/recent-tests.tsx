import type { RecentSession } from "@chronicle/contracts";
import { navigate } from "../routing/navigate.ts";
import { paths } from "../routing/routes.ts";
import { useRecentSessions } from "./use-recent-sessions.ts";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function modeName(mode: RecentSession["mode"]): string {
  return mode.charAt(0).toUpperCase() + mode.slice(1);
}

function ResumeCard({ session }: { session: RecentSession }) {
  return (
    <section className="resume-card panel" aria-labelledby="resume-title">
      <h2 id="resume-title">Resume your unfinished test</h2>
      <p>
        {modeName(session.mode)} test started {dateFormat.format(new Date(session.createdAt))}: {session.answered} of {session.questionCount} answered.
      </p>
      <button type="button" className="primary" onClick={() => navigate(paths.session(session.sessionId))}>
        Resume test
      </button>
    </section>
  );
}

/** "Resume your unfinished test" and the learner's latest results; nothing at all for a first-time learner. */
export function RecentTests() {
  const recent = useRecentSessions();
  if (!recent.data || recent.data.length === 0) return null;
  const resumable = recent.data.find((session) => session.canResume);
  const finished = recent.data.filter((session) => session.status === "submitted").slice(0, 5);
  return (
    <>
      {resumable && <ResumeCard session={resumable} />}
      {finished.length > 0 && (
        <section className="recent-tests panel" aria-labelledby="recent-title">
          <h2 id="recent-title">Your recent results</h2>
          <ul>
            {finished.map((session) => (
              <li key={session.sessionId}>
                <a
                  href={paths.review(session.sessionId)}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(paths.review(session.sessionId));
                  }}
                >
                  {modeName(session.mode)} · {session.questionCount} question{session.questionCount === 1 ? "" : "s"} · <strong>{session.scorePercent}%</strong>
                </a>{" "}
                <small>{dateFormat.format(new Date(session.submittedAt ?? session.createdAt))}</small>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
