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
  /**
   * Ask visitors to pick a favourite per prompt; `blind` hides everything that names the model.
   * `showOwnerStars` shows the owner's stars on the share page once the names are shown.
   */
  review: z
    .object({ blind: z.boolean().default(false), showOwnerStars: z.boolean().default(false) })
    .optional(),
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
    /** Closes voting (`open: false`, new ballots get 409 review_closed) or reopens it. */
    review: z
      .object({ open: z.boolean().optional(), showOwnerStars: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();

export type PatchGalleryInput = z.output<typeof patchGalleryBodySchema>;
export type PatchGalleryBody = z.input<typeof patchGalleryBodySchema>;

const pickComment = z.string().trim().max(COMMENT_MAX).optional();

/** An image of the review (its id as the review page gives it), or "None of these" for a prompt. */
const pickSchema = z.union([
  z.object({ imageId: z.string().min(1).max(100), comment: pickComment }).strict(),
  z.object({ promptKey: z.string().min(1).max(100), none: z.literal(true), comment: pickComment }).strict(),
]);

/** POST /api/galleries/:slug/votes — a reviewer's favourite per prompt. */
export const voteBodySchema = z
  .object({
    picks: z.array(pickSchema).min(1, "Pick at least one image").max(MAX_PICKS),
    comment: z.string().trim().max(COMMENT_MAX).optional(),
    reviewerName: z.string().trim().max(REVIEWER_NAME_MAX).optional(),
  })
  .strict();

export type VoteInput = z.output<typeof voteBodySchema>;
export type VoteBody = z.input<typeof voteBodySchema>;

/** GET /api/galleries/:slug/results?format=csv[&rows=ballots] */
export const reviewResultsQuerySchema = z.object({
  format: z.enum(["json", "csv"]).default("json"),
  /** CSV rows: one per prompt and image (the tally), or one per ballot and prompt. */
  rows: z.enum(["tally", "ballots"]).default("tally"),
});

/** POST /api/galleries/:slug/reveal — closes voting too, unless `keepOpen`. */
export const revealBodySchema = z
  .object({ keepOpen: z.boolean().default(false) })
  .strict()
  .default({ keepOpen: false });

/** POST /api/galleries/:slug/rounds — the next round with the top N images of each prompt. */
export const nextRoundBodySchema = z.object({ top: z.int().min(1).max(MAX_SELECTION) }).strict();

const INVITE_NAME_MAX = 80;
const MAX_INVITES = 100;

/** POST /api/galleries/:slug/invites — one link per name, one ballot per link. */
export const invitesBodySchema = z
  .object({
    names: z
      .array(z.string().trim().min(1, "A name cannot be empty").max(INVITE_NAME_MAX))
      .min(1)
      .max(MAX_INVITES),
  })
  .strict();

/** PATCH /api/galleries/:slug/ballots/:id — the owner takes a ballot out of the tally, or back in. */
export const patchBallotBodySchema = z.object({ excluded: z.boolean() }).strict();
