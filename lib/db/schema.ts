import { sql } from "drizzle-orm";
import {
  boolean,
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { JobStatus } from "@/lib/models/job-status";
import type { ReviewMode } from "@/lib/models/review-mode";
import type { ProviderId, ProviderOutput } from "@/lib/models/types";
import type { StoredRunConfig } from "./stored-run-config";

/** Millisecond precision keeps keyset cursors (which travel as JS dates) exact. */
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const runs = pgTable(
  "runs",
  {
    /** Public: at least 128 random bits (see lib/db/ids.ts). */
    id: text("id").primaryKey(),
    /** The first prompt: what history shows and searches first. */
    prompt: text("prompt").notNull(),
    /** The rows of the matrix (one for a plain run). */
    prompts: jsonb("prompts").$type<string[]>().notNull(),
    promptText: text("prompt_text"), // the Variants text as written ("a {red|blue} fox"); null: just the prompts
    editedFromRunId: text("edited_from_run_id"), // Edit & re-run's source, for "what changed"; may be deleted
    /** The columns of the matrix: each model with its parameters as the user sent them. */
    configs: jsonb("configs").$type<StoredRunConfig[]>().notNull(),
    /** The shared seed locked for every model that takes one; null for random seeds. */
    seed: integer("seed"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    idempotencyKey: text("idempotency_key").unique(), // the Idempotency-Key header of the POST that made it
    /**
     * Moves in the same transaction as every change a reader of the run can see, and only then: the
     * run's ETag. Database triggers move and announce it (drizzle/0009_run_version_triggers.sql), so
     * no write path, not even an older build's, can forget it.
     */
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (table) => [index("runs_created_at_id_idx").on(table.createdAt.desc(), table.id.desc())],
);

export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    /** Creation order within the run: a first take is at row × columns + column, later takes after every job. */
    position: integer("position").notNull().default(0),
    /** The cell of the matrix: row (index into runs.prompts) and column (into runs.configs). */
    promptIndex: integer("prompt_index").notNull().default(0),
    configIndex: integer("config_index").notNull().default(0),
    /** 1 for a cell's first job; a retry or another take of the cell is the next take. */
    take: integer("take").notNull().default(1),
    /** The prompt of its row, so the runner needs no join to submit. */
    prompt: text("prompt").notNull(),
    /** The seed actually sent; null where the model takes none. */
    seed: integer("seed"),
    /** The prompt the provider says it really used, when it rewrote it (DashScope prompt_extend). */
    revisedPrompt: text("revised_prompt"),
    /** While a step waits to be retried: what is going on, in plain words. */
    retryNote: text("retry_note"),
    modelId: text("model_id").notNull(),
    providerId: text("provider_id").$type<ProviderId>().notNull(),
    /** Where the accepting instance reached the provider (registry.ts providerEndpoint); null: anyone's. */
    providerEndpoint: text("provider_endpoint"),
    /** Validated by the model's schema, defaults applied. */
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<JobStatus>().notNull().default("queued"),
    /** Shared settings this model could not honour exactly. */
    notes: jsonb("notes").$type<string[]>().notNull().default([]),
    providerJobId: text("provider_job_id"),
    pollingUrl: text("polling_url"),
    /** What the provider returned, kept so a restart can still download the images. */
    providerOutputs: jsonb("provider_outputs").$type<ProviderOutput[]>(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    estimatedCostUsd: doublePrecision("estimated_cost_usd"),
    /** The estimate is an assumed price (lib/spend/estimate.ts): the provider publishes none. */
    costAssumed: boolean("cost_assumed").notNull().default(false),
    /** What the provider reported it charged, or else the estimate once the job succeeded. */
    costUsd: doublePrecision("cost_usd"),
    /** Consecutive failed attempts of the current step; reset whenever the job moves on. */
    attempts: integer("attempts").notNull().default(0),
    /** When the runner may take the job next. */
    nextAttemptAt: timestamptz("next_attempt_at").notNull().defaultNow(),
    deadlineAt: timestamptz("deadline_at"),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamptz("lease_until"),
    /** Unguessable token in this job's provider callback URL; a callback only triggers a poll. */
    callbackToken: text("callback_token").unique(),
    /** Set just before the create request is sent: a job with this and no answer has an unknown outcome. */
    submittedAt: timestamptz("submitted_at"),
    startedAt: timestamptz("started_at"),
    finishedAt: timestamptz("finished_at"),
    /** When the owner chose this take as the one that counts for its cell; the latest choice wins. */
    chosenAt: timestamptz("chosen_at"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (table) => [
    index("jobs_run_id_idx").on(table.runId, table.position),
    // Partial: the runner only ever scans unfinished jobs.
    index("jobs_due_idx")
      .on(table.nextAttemptAt)
      .where(sql`${table.status} in ('queued', 'running')`),
    index("jobs_model_id_idx").on(table.modelId, table.runId),
    index("jobs_status_idx").on(table.status, table.runId),
  ],
);

export const images = pgTable(
  "images",
  {
    id: text("id").primaryKey(),
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    runId: text("run_id").notNull(),
    /** Position among the job's outputs. */
    index: integer("index").notNull(),
    /** Content-addressed key in the blob store, e.g. "ab/abcdef….png". */
    blobKey: text("blob_key").notNull(),
    thumbnailKey: text("thumbnail_key").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    /** The owner's pick, shown on cards and carried into share pages and ZIP manifests. */
    starred: boolean("starred").notNull().default(false),
    note: text("note"),
    /** Place on the picks board (1 first); null until the owner orders it, cleared when unstarred. */
    pickPosition: integer("pick_position"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("images_job_id_index_idx").on(table.jobId, table.index),
    index("images_run_id_idx").on(table.runId),
    index("images_blob_key_idx").on(table.blobKey),
    index("images_thumbnail_key_idx").on(table.thumbnailKey),
    index("images_starred_idx")
      .on(table.runId)
      .where(sql`${table.starred}`),
  ],
);

export const galleries = pgTable("galleries", {
  id: text("id").primaryKey(),
  /** The public share link /g/<slug>: at least 128 random bits. */
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  note: text("note"),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
  /** A revoked gallery answers exactly like one that never existed. */
  revokedAt: timestamptz("revoked_at"),
  /** Past this, the gallery answers like a revoked one. */
  expiresAt: timestamptz("expires_at"),
  /** Null for a plain share; "open" or "blind" when visitors are asked to pick a favourite per prompt. */
  reviewMode: text("review_mode").$type<ReviewMode>(),
  /** Once set, reviewers of a blind gallery see the model names and the tally. */
  revealedAt: timestamptz("revealed_at"),
  reviewClosedAt: timestamptz("review_closed_at"), // set: no new ballots (409 review_closed)
  showOwnerStars: boolean("show_owner_stars").notNull().default(false), // a review's stars: opt-in
  previousGalleryId: text("previous_gallery_id"), // a later round: the review it follows
  round: integer("round").notNull().default(1),
  /** The owner's notes on images stay off the share page. */
  hideNotes: boolean("hide_notes").notNull().default(false),
});

/** A reviewer's pick (image or "None of these") per prompt, replaced on a change of mind; its ballot: review-schema.ts. */
export const ballots = pgTable(
  "ballots",
  {
    galleryId: text("gallery_id")
      .notNull()
      .references(() => galleries.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id").notNull(),
    promptKey: text("prompt_key").notNull(), // sha256 of the prompt text (longer than an index entry may be)
    imageId: text("image_id").references(() => images.id, { onDelete: "cascade" }), // null with `none`
    none: boolean("none").notNull().default(false),
    promptComment: text("prompt_comment"), // on this prompt; `comment` is the ballot's, on each row
    comment: text("comment"),
    reviewerName: text("reviewer_name"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.galleryId, table.reviewerId, table.promptKey] })],
);

export const galleryImages = pgTable(
  "gallery_images",
  {
    galleryId: text("gallery_id")
      .notNull()
      .references(() => galleries.id, { onDelete: "cascade" }),
    imageId: text("image_id")
      .notNull()
      .references(() => images.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.galleryId, table.imageId] }),
    index("gallery_images_image_id_idx").on(table.imageId),
  ],
);

/**
 * What every job cost or will cost, one row per job, kept when its run is deleted so that deleting
 * runs never frees budget. While the job exists its own cost columns are the truth; the delete
 * copies them here (lib/db/queries/spend.ts).
 */
export const spendLedger = pgTable(
  "spend_ledger",
  {
    jobId: text("job_id").primaryKey(),
    runId: text("run_id").notNull(),
    modelId: text("model_id").notNull(),
    createdAt: timestamptz("created_at").notNull(),
    /** The estimate reserved at creation; after the delete, what the job cost. Null: no price known. */
    usd: doublePrecision("usd"),
    assumed: boolean("assumed").notNull().default(false),
  },
  (table) => [index("spend_ledger_created_at_idx").on(table.createdAt)],
);

/** Token buckets of the rate limits (lib/security/rate-limit.ts), shared by every instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    /** "<limit>:<client address>". */
    key: text("key").primaryKey(),
    tokens: doublePrecision("tokens").notNull(),
    /** Whether the last take found a token. */
    allowed: boolean("allowed").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (table) => [index("rate_limits_updated_at_idx").on(table.updatedAt)],
);

export { idempotencyKeys } from "./idempotency-schema";
export { serverSecrets } from "./secret-schema";

export type { StoredRunConfig } from "./stored-run-config";

export type RunRow = typeof runs.$inferSelect;
export type JobRow = typeof jobs.$inferSelect;
export type NewJobRow = typeof jobs.$inferInsert;
export type ImageRow = typeof images.$inferSelect;
export type NewImageRow = typeof images.$inferInsert;
export type GalleryRow = typeof galleries.$inferSelect;
export type BallotRow = typeof ballots.$inferSelect;
export { blobs, upkeepLeases } from "./blob-schema";
