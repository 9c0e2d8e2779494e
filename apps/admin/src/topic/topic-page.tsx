import { trpc } from "../api/admin-api.ts";
import { useSearchParams } from "../routing/use-search-params.ts";
import { AsOf } from "../ui/as-of.tsx";
import { Panel } from "../ui/panel.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { TopicDetails } from "./topic-details.tsx";
import { TopicListTable } from "./topic-list-table.tsx";

export function TopicPage() {
  const [params] = useSearchParams();
  const topicId = params.get("topicId");
  const topics = trpc.admin.topics.useQuery();

  return (
    <>
      <h1>Topics</h1>
      {topicId && <TopicDetails key={topicId} topicId={topicId} />}
      <Panel title={topicId ? "Other topics" : "Pick a topic"}>
        <QueryView query={topics} what="the topics">
          {(data) => (
            <>
              <AsOf watermark={data.watermark} />
              <TopicListTable topics={data.topics} />
            </>
          )}
        </QueryView>
      </Panel>
    </>
  );
}
