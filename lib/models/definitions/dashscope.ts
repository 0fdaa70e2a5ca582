import { z } from "zod";
import { seedField } from "../params";
import { parseStarSize, Z_IMAGE_SIZES } from "../sizes";
import { ASPECT_RATIOS, NO_INPUT_IMAGES, type ModelDefinition } from "../types";
import { MODEL_NAMES } from "../model-names";

/** DashScope accepts total pixels in [512², 2048²] and at most 2048 per side (docs/providers.md §4.2). */
const MIN_PIXELS = 512 * 512;
const MAX_PIXELS = 2048 * 2048;
const MAX_SIDE = 2048;

export const DASHSCOPE_RECOMMENDED_SIZES = (["1024", "1280", "1536"] as const).flatMap((tier) =>
  ASPECT_RATIOS.map((ratio) => {
    const { width, height } = Z_IMAGE_SIZES[tier][ratio];
    return `${width}*${height}`;
  }),
);

const sizeField = z
  .string()
  // No leading zeros: "01024*1024" is not a size DashScope documents, and would bill as 1024*1024.
  .regex(/^[1-9]\d{0,4}\*[1-9]\d{0,4}$/, "Size must look like 1024*1024 (width*height)")
  .superRefine((value, context) => {
    const size = parseStarSize(value);
    if (!size) return;
    const pixels = size.width * size.height;
    if (size.width > MAX_SIDE || size.height > MAX_SIDE) {
      context.addIssue({ code: "custom", message: `Each side must be at most ${MAX_SIDE} px` });
    } else if (pixels < MIN_PIXELS || pixels > MAX_PIXELS) {
      context.addIssue({ code: "custom", message: "Total pixels must be between 512*512 and 2048*2048" });
    }
  })
  .meta({
    title: "Size",
    description: "width*height in pixels; 512*512 to 2048*2048 in total. Recommended sizes are listed.",
    examples: DASHSCOPE_RECOMMENDED_SIZES,
  });

const dashscopeParams = z.object({
  size: sizeField.default("1024*1024"),
  prompt_extend: z
    .boolean()
    .default(false)
    .meta({ title: "Prompt extend", description: "Let an LLM rewrite the prompt first. Billed higher." }),
  seed: seedField().optional(),
});

export const dashscopeZImageTurbo: ModelDefinition<typeof dashscopeParams> = {
  id: "dashscope/z-image-turbo",
  providerId: "dashscope",
  providerModel: "z-image-turbo",
  name: MODEL_NAMES["dashscope/z-image-turbo"],
  description: "Alibaba Model Studio's Z-Image Turbo (Singapore): synchronous, one image per call, seedable.",
  promptMaxLength: 800,
  params: dashscopeParams,
  pricing: "Price not published for this model",
  estimateCost: () => null,
  mapSharedSettings({ aspectRatio, numImages }) {
    const { width, height } = Z_IMAGE_SIZES["1024"][aspectRatio];
    return {
      params: { size: `${width}*${height}` },
      notes: numImages > 1 ? ["Makes 1 image (one per request)"] : [],
    };
  },
  imageCount: () => 1,
  aspectRatio(params) {
    const size = parseStarSize(params.size);
    return size ? size.width / size.height : 1;
  },
  inputImages: NO_INPUT_IMAGES,
};

/** DashScope's models, in display order; the catalog lists each provider's in turn. */
export const DASHSCOPE_MODELS = [dashscopeZImageTurbo] as const;
