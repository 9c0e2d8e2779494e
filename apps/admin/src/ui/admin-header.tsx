import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { tokenStore } from "../auth/token-store.ts";
import { useIsSignedIn } from "@chronicle/client/react";
import { paths } from "../routing/routes.ts";
import { AdminNav } from "./admin-nav.tsx";
import { AppLink } from "./app-link.tsx";

export function AdminHeader() {
  const isSignedIn = useIsSignedIn(tokenStore);
  const queryClient = useQueryClient();
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const signOut = () => {
    tokenStore.clear();
    // Another account must not see what this one loaded.
    queryClient.clear();
  };
  return (
    <header className="admin-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppLink className="brand" to={paths.health()}>
        Chronicle <span>Admin</span>
      </AppLink>
      {isSignedIn && (
        <>
          <button type="button" className="nav-toggle" aria-expanded={isMenuOpen} aria-controls="admin-nav" onClick={() => setIsMenuOpen(!isMenuOpen)}>
            Menu
          </button>
          <AdminNav isOpen={isMenuOpen} onNavigate={() => setIsMenuOpen(false)} />
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </>
      )}
    </header>
  );
}
