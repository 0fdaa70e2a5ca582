import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { runs } from "./schema";

/**
 * Each run's contact sheet as last rendered: the blob holding the PNG, the run version it shows and
 * the drawing it was made with, so a GET renders again only after the run or the drawing changed
 * (lib/contact-sheet/sheet-cache.ts).
 */
export const contactSheets = pgTable("contact_sheets", {
  runId: text("run_id")
    .primaryKey()
    .references(() => runs.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
  blobKey: text("blob_key").notNull(),
  /** SHEET_DRAWING_VERSION of the build that drew it; 0 for sheets drawn before it was kept. */
  drawing: integer("drawing").notNull().default(0),
});
