import { defineConfig } from "drizzle-kit";

/** Only for `npm run db:generate`: the app applies the generated SQL itself at boot (lib/db/migrate.ts). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
  casing: "snake_case",
});
