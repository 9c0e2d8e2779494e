import { useIsSignedIn } from "@chronicle/client/react";
import { tokenStore } from "../auth/token-store.ts";
import { ProfileStrip } from "../profile/profile-strip.tsx";
import { navigate } from "../routing/navigate.ts";
import { paths } from "../routing/routes.ts";

export function PlayerHeader() {
  const isSignedIn = useIsSignedIn(tokenStore);
  return (
    <header className="player-header">
      <a
        className="brand"
        href={paths.start()}
        onClick={(event) => {
          event.preventDefault();
          navigate(paths.start());
        }}
      >
        Chronicle <span>Test player</span>
      </a>
      {isSignedIn && <ProfileStrip />}
    </header>
  );
}
