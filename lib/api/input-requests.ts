import { z } from "zod";

/** Isomorphic: the requests and limits of /api/inputs. */

export {
  INPUT_CONTENT_TYPES,
  MAX_INPUT_PIXELS,
  MAX_INPUT_UPLOAD_BYTES,
  MIN_INPUT_SIDE,
} from "./input-limits";

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
