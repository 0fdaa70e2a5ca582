import { z } from "zod";
import { MAX_COMPARED_IMAGES } from "@/lib/models/run-limits";

/** Isomorphic: the requests of /api/images. */

export const IMAGE_NOTE_MAX_LENGTH = 2000;
const COMPARE_MIN = 2;
const COMPARE_MAX = MAX_COMPARED_IMAGES;

/** PATCH /api/images/:id — star an image and/or write a note on it; an empty note clears it. */
export const patchImageBodySchema = z
  .object({
    starred: z.boolean().optional(),
    note: z
      .string()
      .max(IMAGE_NOTE_MAX_LENGTH, `A note is at most ${IMAGE_NOTE_MAX_LENGTH} characters`)
      .optional(),
  })
  .strict()
  .refine((body) => body.starred !== undefined || body.note !== undefined, {
    message: "Send starred and/or note",
  });

export type PatchImageBody = z.input<typeof patchImageBodySchema>;

/** The images of a compare view: `ids=a,b,c`, 2 to 12 distinct ids (a whole row or column of a run). */
export const imageIdListSchema = z
  .string()
  .max(COMPARE_MAX * 101)
  .transform((text) => [...new Set(text.split(",").map((id) => id.trim()))].filter(Boolean))
  .pipe(
    z
      .array(z.string().min(1).max(100))
      .min(COMPARE_MIN, `Pick ${COMPARE_MIN} to ${COMPARE_MAX} images`)
      .max(COMPARE_MAX, `Pick ${COMPARE_MIN} to ${COMPARE_MAX} images`),
  );

/** GET /api/images?ids=a,b — the images of a compare view with their labels. */
export const compareImagesQuerySchema = z.object({ ids: imageIdListSchema });
