import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { BallotSource } from "@/lib/models/review-mode";
import { galleries, images } from "./schema";

/**
 * The review tables beside `galleries` and `ballots` (drizzle.config.ts lists this file beside schema.ts). A "ballot" as the
 * API shows it is one `review_ballots` row (one reviewer of one gallery) with its picks, which are
 * the `ballots` rows of the same gallery and reviewer (one per prompt).
 */

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const reviewBallots = pgTable(
  "review_ballots",
  {
    /** The ballot's public id (the owner's results and PATCH …/ballots/:id). Never the cookie's id. */
    id: text("id").primaryKey(),
    galleryId: text("gallery_id")
      .notNull()
      .references(() => galleries.id, { onDelete: "cascade" }),
    /** The reviewer id the signed cookie carries: files the picks, seeds the shuffle. */
    reviewerId: text("reviewer_id").notNull(),
    source: text("source").$type<BallotSource>().notNull().default("open"),
    /** The invite link this ballot came through, and the name the owner gave it. */
    inviteId: text("invite_id"),
    inviteName: text("invite_name"),
    /** The overall comment and the name the reviewer typed. */
    comment: text("comment"),
    reviewerName: text("reviewer_name"),
    /** The owner took it out of the tally (kept, marked, reversible). */
    excluded: boolean("excluded").notNull().default(false),
    /** A digest of the client address that cast it first: the cap on new reviewers per hour counts these. */
    clientKey: text("client_key"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("review_ballots_gallery_reviewer_idx").on(table.galleryId, table.reviewerId),
    index("review_ballots_gallery_client_idx").on(table.galleryId, table.clientKey, table.createdAt),
  ],
);

/** An invite link: one ballot per link, claimed by the first browser that opens it. */
export const reviewInvites = pgTable(
  "review_invites",
  {
    /** The link's secret (144 random bits). */
    id: text("id").primaryKey(),
    galleryId: text("gallery_id")
      .notNull()
      .references(() => galleries.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The reviewer id of the browser that opened it first; null until then. */
    reviewerId: text("reviewer_id"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (table) => [index("review_invites_gallery_idx").on(table.galleryId)],
);

/**
 * A blind review's own image: an id that exists only in that review, and once made, its rendition
 * (re-encoded, stripped, one size per prompt) and thumbnail in the blob store.
 */
export const reviewRenditions = pgTable(
  "review_renditions",
  {
    id: text("id").primaryKey(),
    galleryId: text("gallery_id")
      .notNull()
      .references(() => galleries.id, { onDelete: "cascade" }),
    imageId: text("image_id")
      .notNull()
      .references(() => images.id, { onDelete: "cascade" }),
    blobKey: text("blob_key"),
    thumbnailKey: text("thumbnail_key"),
    width: integer("width"),
    height: integer("height"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("review_renditions_gallery_image_idx").on(table.galleryId, table.imageId),
    index("review_renditions_image_idx").on(table.imageId),
  ],
);
