import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { AdminPages } from "./admin-pages.tsx";
import { createAdminTrpcClient, trpc } from "./api/admin-api.ts";
import { createAdminQueryClient } from "./api/query-client.ts";
import { AdminHeader } from "./ui/admin-header.tsx";

export function App() {
  const [queryClient] = useState(createAdminQueryClient);
  const [trpcClient] = useState(createAdminTrpcClient);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <AdminHeader />
        <main className="admin-main" id="main">
          <AdminPages />
        </main>
      </QueryClientProvider>
    </trpc.Provider>
  );
}
