import { z } from "zod";

/** Isomorphic: the requests of /api/galleries. The server parses with these; the hooks type with z.input. */

const MAX_SELECTION = 500;
const TITLE_MAX = 120;
const ids = z.array(z.string().min(1).max(100)).max(MAX_SELECTION).default([]);

export const createGalleryBodySchema = z.object({
  title: z.string().trim().max(TITLE_MAX).optional(),
  note: z.string().trim().max(2000).optional(),
  runIds: ids,
  imageIds: ids,
});

/** What the server works with: defaults applied. */
export type CreateGalleryInput = z.output<typeof createGalleryBodySchema>;
/** What a client sends. */
export type CreateGalleryBody = z.input<typeof createGalleryBodySchema>;
