import { TelemetryProvider } from "@chronicle/client/react";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { createPlayerQueryClient } from "./api/query-client.ts";
import { PlayerPages } from "./player-pages.tsx";
import { playerTelemetry } from "./telemetry/player-telemetry.ts";
import { PlayerHeader } from "./ui/player-header.tsx";

export function App() {
  const [queryClient] = useState(createPlayerQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TelemetryProvider value={playerTelemetry}>
        <PlayerHeader />
        <main className="player-main">
          <PlayerPages />
        </main>
      </TelemetryProvider>
    </QueryClientProvider>
  );
}
