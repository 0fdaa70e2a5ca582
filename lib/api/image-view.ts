import { z } from "zod";

/**
 * Isomorphic: one stored image as the API shows it (apart, so every view file can use it). The API's
 * views are zod schemas so the published OpenAPI document (lib/api/openapi) is made from the very
 * shapes the code is typed with; browser code imports their types only.
 */
export const imageViewSchema = z.object({
  id: z.string(),
  url: z.string().meta({ description: "App URL of the stored bytes (never a provider URL)." }),
  thumbnailUrl: z.string().meta({ description: "App URL of a WebP thumbnail, for grids." }),
  width: z.int(),
  height: z.int(),
  contentType: z.string(),
  byteSize: z.int(),
  index: z.int(),
  starred: z.boolean().meta({ description: "The owner's pick." }),
  note: z.string().nullable().meta({ description: "The owner's note on this image (≤ 2,000 characters)." }),
});

export type ImageView = z.output<typeof imageViewSchema>;
