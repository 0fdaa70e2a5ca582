import { z } from "zod";

/** Isomorphic: the requests and limits of /api/inputs. */

/** Largest upload accepted, in bytes (413 above it). */
export const MAX_INPUT_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Largest picture accepted, in pixels (422 above it): decoding more is a memory bomb. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Shortest side accepted, in pixels (422 below it). */
export const MIN_INPUT_SIDE = 64;
/** The types an upload may be, sniffed from its bytes (415 for anything else). */
export const INPUT_CONTENT_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;

/**
 * POST /api/inputs with a JSON body: make an input of an image Prism already stored ("Edit this
 * image"), no upload. An upload is the raw body (an image Content-Type) or multipart field `file`.
 */
export const createInputFromImageBodySchema = z.object({ fromImageId: z.string().min(1).max(100) }).strict();

export type CreateInputFromImageBody = z.input<typeof createInputFromImageBodySchema>;

/** GET /api/inputs/:id/file?expires&signature: the signed URL a provider fetches an input from. */
export const signedInputQuerySchema = z.object({
  expires: z.coerce.number<string>().int().positive(),
  signature: z.string().regex(/^[0-9a-f]{64}$/, "Invalid signature"),
});
