import { navigate } from "../routing/navigate.ts";
import { paths } from "../routing/routes.ts";

export function NotFoundPage() {
  return (
    <section className="panel">
      <h1>There is nothing at this address</h1>
      <p>The link may be mistyped; start a new test instead.</p>
      <button type="button" className="primary" onClick={() => navigate(paths.start())}>
        Go to the start screen
      </button>
    </section>
  );
}
