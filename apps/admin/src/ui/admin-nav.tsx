import { useRoute } from "../routing/use-route.ts";
import { AppLink } from "./app-link.tsx";
import { navItems } from "./nav-items.ts";

export function AdminNav() {
  const route = useRoute();
  return (
    <nav aria-label="Admin areas" className="admin-nav">
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
