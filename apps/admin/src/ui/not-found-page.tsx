import { paths } from "../routing/routes.ts";
import { AppLink } from "./app-link.tsx";

export function NotFoundPage() {
  return (
    <section className="panel">
      <h1>There is nothing at this address</h1>
      <p>
        The link may be mistyped; <AppLink to={paths.health()}>go to ingestion health</AppLink> instead.
      </p>
    </section>
  );
}
