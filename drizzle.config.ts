import { defineConfig } from "drizzle-kit";

/** Only for `npm run db:generate`: the app applies the generated SQL itself on opening the database (lib/db/client.ts). */
export default defineConfig({
  dialect: "postgresql",
  schema: [
    "./lib/db/schema.ts",
    "./lib/db/input-schema.ts",
    "./lib/db/instance-schema.ts",
    "./lib/db/sheet-schema.ts",
    "./lib/db/review-schema.ts",
  ],
  out: "./drizzle",
  casing: "snake_case",
});
