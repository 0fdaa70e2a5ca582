import { z } from "zod";
import {
  intRange,
  negativePromptField,
  numberRange,
  outputFormatField,
  safetyCheckerField,
  watermarkField,
} from "../params";
import { PIXAZO_IMAGE_SIZES } from "../sizes";
import {
  NO_INPUT_IMAGES,
  type AspectRatio,
  type ModelDefinition,
  type SharedSettings,
  type SharedSettingsMapping,
} from "../types";
import { MODEL_NAMES } from "../model-names";
import { followsInputShape, oneImageNotes } from "../input-notes";

const PIXAZO_PROMPT_MAX = 4000;

const IMAGE_SIZES = [
  "square_1_1",
  "landscape_4_3",
  "portrait_3_4",
  "landscape_16_9",
  "portrait_9_16",
] as const;
type ImageSize = (typeof IMAGE_SIZES)[number];

const IMAGE_SIZE_LABELS: Record<ImageSize, string> = {
  square_1_1: "Square 1:1",
  landscape_4_3: "Landscape 4:3",
  portrait_3_4: "Portrait 3:4",
  landscape_16_9: "Landscape 16:9",
  portrait_9_16: "Portrait 9:16",
};

const imageSizeField = () =>
  z.enum(IMAGE_SIZES).meta({
    title: "Image size",
    description: "Aspect preset of the output.",
    optionLabels: IMAGE_SIZE_LABELS,
  });

const numImagesField = () =>
  intRange(1, 4, "Number of images", "How many images one request returns.").default(1);

/** docs/providers.md §7.5: pixazo has five presets; 3:2, 2:3 and 21:9 take the nearest. */
const IMAGE_SIZE_FOR_RATIO: Record<AspectRatio, ImageSize> = {
  "1:1": "square_1_1",
  "4:3": "landscape_4_3",
  "3:2": "landscape_4_3",
  "3:4": "portrait_3_4",
  "2:3": "portrait_3_4",
  "16:9": "landscape_16_9",
  "21:9": "landscape_16_9",
  "9:16": "portrait_9_16",
};

const EXACT_RATIOS: ReadonlySet<AspectRatio> = new Set(["1:1", "4:3", "3:4", "16:9", "9:16"]);

function mapPixazoSettings({ aspectRatio, numImages }: SharedSettings): SharedSettingsMapping<{
  image_size: ImageSize;
  num_images: number;
}> {
  const imageSize = IMAGE_SIZE_FOR_RATIO[aspectRatio];
  const count = Math.min(numImages, 4);
  const notes: string[] = [];
  if (!EXACT_RATIOS.has(aspectRatio))
    notes.push(`Uses ${IMAGE_SIZE_LABELS[imageSize]} (nearest to ${aspectRatio})`);
  if (count !== numImages) notes.push(`Makes ${count} images (at most 4 per request)`);
  return { params: { image_size: imageSize, num_images: count }, notes };
}

function pixazoAspectRatio(imageSize: ImageSize): number {
  const { width, height } = PIXAZO_IMAGE_SIZES[imageSize];
  return width / height;
}

const PIXAZO_PRICING = "No published price";

const turboParams = z.object({
  image_size: imageSizeField(),
  num_inference_steps: intRange(1, 50, "Steps", "Denoising steps. Turbo is tuned for about 8.").default(8),
  num_images: numImagesField(),
  enable_safety_checker: safetyCheckerField().default(true),
  output_format: outputFormatField().default("png"),
  acceleration: z
    .enum(["none"])
    .default("none")
    .meta({ title: "Acceleration", description: "Only 'none' is currently supported for Turbo." }),
});

export const pixazoZImageTurbo: ModelDefinition<typeof turboParams> = {
  id: "pixazo/z-image-turbo",
  providerId: "pixazo",
  providerModel: "z-image-turbo-834",
  name: MODEL_NAMES["pixazo/z-image-turbo"],
  family: "Z-Image",
  goodFor: "Many quick variations at a low price",
  description: "Distilled Z-Image on the pixazo gateway: 8 steps, very fast.",
  promptMaxLength: PIXAZO_PROMPT_MAX,
  params: turboParams,
  pricing: PIXAZO_PRICING,
  estimateCost: () => null,
  mapSharedSettings: mapPixazoSettings,
  imageCount: (params) => params.num_images,
  aspectRatio: (params) => pixazoAspectRatio(params.image_size),
  inputImages: NO_INPUT_IMAGES,
};

const baseParams = z.object({
  image_size: imageSizeField(),
  num_inference_steps: intRange(10, 100, "Steps", "Denoising steps. More is slower and finer.").default(28),
  guidance_scale: numberRange(
    1,
    20,
    0.1,
    "Guidance scale",
    "How closely the image follows the prompt.",
  ).default(4),
  num_images: numImagesField(),
  enable_safety_checker: safetyCheckerField().default(true),
  output_format: outputFormatField().default("png"),
  acceleration: z
    .enum(["regular", "fast", "ultra_fast"])
    .default("regular")
    .meta({ title: "Acceleration", description: "Faster modes trade some quality for speed." }),
});

export const pixazoZImageBase: ModelDefinition<typeof baseParams> = {
  id: "pixazo/z-image-base",
  providerId: "pixazo",
  providerModel: "z-image-base",
  name: MODEL_NAMES["pixazo/z-image-base"],
  family: "Z-Image",
  goodFor: "More varied takes, with full control over guidance",
  description: "Undistilled Z-Image on the pixazo gateway: full guidance, more variety.",
  promptMaxLength: PIXAZO_PROMPT_MAX,
  params: baseParams,
  pricing: PIXAZO_PRICING,
  estimateCost: () => null,
  mapSharedSettings: mapPixazoSettings,
  imageCount: (params) => params.num_images,
  aspectRatio: (params) => pixazoAspectRatio(params.image_size),
  inputImages: NO_INPUT_IMAGES,
};

/** The DashScope-shaped body's parameters the gateway's page shows (providers-edit.md §4). */
const qwenEditParams = z.object({
  negative_prompt: negativePromptField().optional(),
  watermark: watermarkField().default(false),
});

export const pixazoQwenImageEdit: ModelDefinition<typeof qwenEditParams> = {
  id: "pixazo/qwen-image-edit",
  providerId: "pixazo",
  providerModel: "qwen-image-edit",
  name: MODEL_NAMES["pixazo/qwen-image-edit"],
  family: "Qwen Image Edit",
  goodFor: "Changing one thing in a photo: objects, text, style",
  description: "Alibaba's Qwen Image Edit on the pixazo gateway: edits one image after an instruction.",
  // Qwen Image Edit's own limit on DashScope; the gateway's page states none.
  promptMaxLength: 800,
  params: qwenEditParams,
  pricing: PIXAZO_PRICING,
  estimateCost: () => null,
  mapSharedSettings: ({ aspectRatio, numImages }) => ({
    params: {},
    notes: [followsInputShape(aspectRatio), ...oneImageNotes(numImages)],
  }),
  imageCount: () => 1,
  aspectRatio: () => 1,
  inputImages: { min: 1, max: 1 },
};

/** pixazo's models, in display order; the catalog lists each provider's in turn. */
export const PIXAZO_MODELS = [pixazoZImageTurbo, pixazoZImageBase, pixazoQwenImageEdit] as const;
