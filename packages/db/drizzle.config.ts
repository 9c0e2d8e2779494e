import { defineConfig } from "drizzle-kit";

// Migrations are generated and committed (never `push`), so PGlite and PostgreSQL
// run exactly the same SQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
});
