import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { runs } from "./schema";

/** The tables of image inputs (apart from schema.ts, which drizzle.config.ts lists beside this). */

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * An image a person gave Prism to edit (an upload, or a stored result): re-encoded, stripped of
 * metadata and content-addressed, so one distinct image is one input. Inserted only after its blobs
 * are stored, so a row never points at a missing blob.
 */
export const inputs = pgTable(
  "inputs",
  {
    /** Public: at least 128 random bits (see lib/db/ids.ts). */
    id: text("id").primaryKey(),
    /** Of the re-encoded bytes: the same picture uploaded twice is the same input. */
    sha256: text("sha256").notNull().unique(),
    blobKey: text("blob_key").notNull(),
    thumbnailKey: text("thumbnail_key").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** What the pipeline changed, e.g. "Kept the first frame of an animated GIF". */
    notes: jsonb("notes").$type<string[]>().notNull().default([]),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (table) => [
    index("inputs_blob_key_idx").on(table.blobKey),
    index("inputs_thumbnail_key_idx").on(table.thumbnailKey),
  ],
);

/** A run's inputs, in order. Deleting a run drops its links; an input no run uses is cleaned up later. */
export const runInputs = pgTable(
  "run_inputs",
  {
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    inputId: text("input_id")
      .notNull()
      .references(() => inputs.id),
    position: integer("position").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.position] }),
    index("run_inputs_input_id_idx").on(table.inputId),
  ],
);

export type InputRow = typeof inputs.$inferSelect;
export type NewInputRow = typeof inputs.$inferInsert;
