import { z } from "zod";
import { negativePromptField, seedField, watermarkField } from "../params";
import { parseStarSize, Z_IMAGE_SIZES } from "../sizes";
import { ASPECT_RATIOS, NO_INPUT_IMAGES, type ModelDefinition } from "../types";
import { MODEL_NAMES } from "../model-names";
import { followsInputShape, oneImageNotes } from "../input-notes";

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
  family: "Z-Image",
  goodFor: "Repeatable drafts: a seed gives the same image again",
  description: "Alibaba Model Studio's Z-Image Turbo (Singapore): synchronous, one image per call, seedable.",
  promptMaxLength: 800,
  params: dashscopeParams,
  pricing: "No published price",
  estimateCost: () => null,
  mapSharedSettings({ aspectRatio, numImages }) {
    const { width, height } = Z_IMAGE_SIZES["1024"][aspectRatio];
    return {
      params: { size: `${width}*${height}` },
      notes: oneImageNotes(numImages),
    };
  },
  imageCount: () => 1,
  aspectRatio(params) {
    const size = parseStarSize(params.size);
    return size ? size.width / size.height : 1;
  },
  inputImages: NO_INPUT_IMAGES,
};

/** Qwen Image Edit Plus and Max: each side 512–2048, unset follows the last input (providers-edit.md §3). */
const EDIT_MIN_SIDE = 512;

const editSizeField = z
  .string()
  .regex(/^[1-9]\d{0,4}\*[1-9]\d{0,4}$/, "Size must look like 1024*1024 (width*height)")
  .superRefine((value, context) => {
    const size = parseStarSize(value);
    const inRange = (side: number) => side >= EDIT_MIN_SIDE && side <= MAX_SIDE;
    if (size && !(inRange(size.width) && inRange(size.height)))
      context.addIssue({
        code: "custom",
        message: `Each side must be from ${EDIT_MIN_SIDE} to ${MAX_SIDE} px`,
      });
  })
  .meta({
    title: "Size",
    description: "width*height, each side 512 to 2048. Empty: about 1024*1024 in your last image's shape.",
    examples: DASHSCOPE_RECOMMENDED_SIZES,
  });

const MAX_EDIT_OUTPUTS = 6;

const qwenEditParams = z.object({
  n: z
    .number()
    .int()
    .min(1)
    .max(MAX_EDIT_OUTPUTS)
    .default(1)
    .meta({ title: "Number of images", description: "How many edited images one call returns (1 to 6)." }),
  size: editSizeField.optional(),
  negative_prompt: negativePromptField().optional(),
  prompt_extend: z
    .boolean()
    .default(false)
    .meta({ title: "Prompt extend", description: "Let an LLM rewrite the instruction first." }),
  watermark: watermarkField().default(false),
  seed: seedField().optional(),
});

function qwenEdit(variant: "plus" | "max"): ModelDefinition<typeof qwenEditParams> {
  const id = `dashscope/qwen-image-edit-${variant}` as const;
  return {
    id,
    providerId: "dashscope",
    providerModel: `qwen-image-edit-${variant}`,
    name: MODEL_NAMES[id],
    family: "Qwen Image Edit",
    goodFor:
      variant === "plus"
        ? "Combining up to three of your images into one"
        : "The most faithful edits and fusions, at a higher price",
    description:
      variant === "plus"
        ? "Alibaba's Qwen Image Edit Plus: edits or fuses 1 to 3 of your images after an instruction."
        : "Alibaba's Qwen Image Edit Max: the larger edit model, 1 to 3 images fused.",
    promptMaxLength: 800,
    params: qwenEditParams,
    pricing: "No published price",
    estimateCost: () => null,
    mapSharedSettings({ aspectRatio, numImages }) {
      const n = Math.min(numImages, MAX_EDIT_OUTPUTS);
      return { params: { n }, notes: [followsInputShape(aspectRatio)] };
    },
    imageCount: (params) => params.n,
    aspectRatio(params) {
      const size = params.size ? parseStarSize(params.size) : null;
      return size ? size.width / size.height : 1;
    },
    // 384–3072 px a side documented (providers-edit.md §3).
    inputImages: { min: 1, max: 3, maxSide: 3072 },
  };
}

export const dashscopeQwenImageEditPlus = qwenEdit("plus");
export const dashscopeQwenImageEditMax = qwenEdit("max");

/** DashScope's models, in display order; the catalog lists each provider's in turn. */
export const DASHSCOPE_MODELS = [
  dashscopeZImageTurbo,
  dashscopeQwenImageEditPlus,
  dashscopeQwenImageEditMax,
] as const;
