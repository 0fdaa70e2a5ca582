import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Keys the instances of one deployment share, made at random by whichever needs one first
 * (lib/db/queries/server-secrets.ts): e.g. the key of signed input URLs, which one instance signs
 * and another may be asked to verify. Part of schema.ts, which re-exports it.
 */
export const serverSecrets = pgTable("server_secrets", {
  /** What the key is for, e.g. "input-urls". */
  name: text("name").primaryKey(),
  /** 32 random bytes, base64url. */
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
