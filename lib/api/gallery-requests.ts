import { z } from "zod";
import { GALLERY_NOTE_MAX, GALLERY_TITLE_MAX } from "./gallery-limits";

/** Isomorphic: the requests of /api/galleries. The server parses with these; the hooks type with z.input. */

const MAX_SELECTION = 500;
const COMMENT_MAX = 2000;
const REVIEWER_NAME_MAX = 80;
/** One pick per prompt; a gallery of 500 images cannot have more prompts than that. */
const MAX_PICKS = MAX_SELECTION;
const ids = z.array(z.string().min(1).max(100)).max(MAX_SELECTION).default([]);

/** An ISO date in the future, or null for "never expires". */
const expiresAtSchema = z.iso
  .datetime({ offset: true, message: "Expiry must be an ISO date and time" })
  .nullable()
  .refine((value) => value === null || Date.parse(value) > Date.now(), "Expiry must be in the future");

export const createGalleryBodySchema = z.object({
  title: z.string().trim().max(GALLERY_TITLE_MAX).optional(),
  note: z.string().trim().max(GALLERY_NOTE_MAX).optional(),
  runIds: ids,
  imageIds: ids,
  /** Ask visitors to pick a favourite per prompt; `blind` hides everything that names the model. */
  review: z.object({ blind: z.boolean().default(false) }).optional(),
  /** Keep the owner's notes on images off the share page. */
  hideNotes: z.boolean().default(false),
  expiresAt: expiresAtSchema.optional(),
});

/** What the server works with: defaults applied. */
export type CreateGalleryInput = z.output<typeof createGalleryBodySchema>;
/** What a client sends. */
export type CreateGalleryBody = z.input<typeof createGalleryBodySchema>;

/** PATCH /api/galleries/:slug — the owner edits a link after sharing it. */
export const patchGalleryBodySchema = z
  .object({
    title: z.string().trim().min(1, "Title cannot be empty").max(GALLERY_TITLE_MAX).optional(),
    note: z.string().trim().max(GALLERY_NOTE_MAX).optional(),
    expiresAt: expiresAtSchema.optional(),
    hideNotes: z.boolean().optional(),
  })
  .strict();

export type PatchGalleryInput = z.output<typeof patchGalleryBodySchema>;
export type PatchGalleryBody = z.input<typeof patchGalleryBodySchema>;

/** POST /api/galleries/:slug/votes — a reviewer's favourite per prompt. */
export const voteBodySchema = z
  .object({
    picks: z
      .array(z.object({ imageId: z.string().min(1).max(100) }).strict())
      .min(1, "Pick at least one image")
      .max(MAX_PICKS),
    comment: z.string().trim().max(COMMENT_MAX).optional(),
    reviewerName: z.string().trim().max(REVIEWER_NAME_MAX).optional(),
  })
  .strict();

export type VoteInput = z.output<typeof voteBodySchema>;
export type VoteBody = z.input<typeof voteBodySchema>;

/** GET /api/galleries/:slug/results?format=csv */
export const reviewResultsQuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });
