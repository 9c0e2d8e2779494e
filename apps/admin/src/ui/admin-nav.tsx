import { useRoute } from "../routing/use-route.ts";
import { AppLink } from "./app-link.tsx";
import { navItems } from "./nav-items.ts";

/** On a phone the nav is a menu the header's button opens (`isOpen`); on wider screens it is always shown. */
export function AdminNav({ isOpen, onNavigate }: { isOpen: boolean; onNavigate: () => void }) {
  const route = useRoute();
  return (
    <nav aria-label="Admin areas" id="admin-nav" className={`admin-nav${isOpen ? " is-open" : ""}`} onClick={onNavigate}>
      <ul>
        {navItems.map((item) => (
          <li key={item.to}>
            <AppLink to={item.to} aria-current={item.pages.includes(route.page) ? "page" : undefined}>
              {item.label}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
