import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { runs } from "./schema";

/**
 * Each run's contact sheet as last rendered: the blob holding the PNG and the run version it shows,
 * so a GET renders again only after the run changed (lib/contact-sheet/sheet-cache.ts).
 */
export const contactSheets = pgTable("contact_sheets", {
  runId: text("run_id")
    .primaryKey()
    .references(() => runs.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
  blobKey: text("blob_key").notNull(),
});
