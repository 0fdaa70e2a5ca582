import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every blob written, recorded before its bytes go to the store and settled once the row that refers
 * to it is written: a blob is removed (lib/blobs) only when no row refers to it and no write of it is
 * pending, or its last write is older than a grace period (a writer that never settled: a canceled
 * download, a crash). Part of schema.ts, which re-exports it.
 */
export const blobs = pgTable(
  "blobs",
  {
    key: text("key").primaryKey(),
    /** The last time a writer stored (or re-stored) these bytes. */
    writtenAt: timestamp("written_at", { withTimezone: true, precision: 3 }).notNull(),
    /** Writes recorded but not yet settled by the row that refers to the blob. */
    pending: integer("pending").notNull().default(0),
  },
  (table) => [index("blobs_written_at_idx").on(table.writtenAt)],
);

/** Who runs a piece of upkeep shared by every instance (the orphan sweep), until when. */
export const upkeepLeases = pgTable("upkeep_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
});
