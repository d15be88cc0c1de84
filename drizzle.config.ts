import { defineConfig } from "drizzle-kit";

// Migrations are generated once and run by the app at start on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/server/db/schema.ts",
  out: "./lib/server/db/migrations",
});
