import { z } from "zod";
import { aspectRatioField, intRange } from "../params";
import { ratioOf, Z_IMAGE_SIZES } from "../sizes";
import { NO_INPUT_IMAGES, type AspectRatio, type ModelDefinition } from "../types";
import { MODEL_NAMES } from "../model-names";
import { followsInputShape, oneImageNotes } from "../input-notes";

const SHORTAPI_PROMPT_MAX = 4000;

const zImageParams = z.object({
  aspect_ratio: aspectRatioField(),
  num_images: intRange(1, 4, "Number of images", "How many images one job returns.").default(1),
  resolution: z
    .enum(["1K", "1.5K"])
    .default("1K")
    .meta({ title: "Resolution", description: "1K is about 1 megapixel, 1.5K about 1.6 megapixels." }),
  enable_nsfw: z
    .boolean()
    .default(false)
    .meta({ title: "Allow NSFW", description: "Off means the provider filters NSFW output." }),
});

/** $0.004 per megapixel, megapixel read as 10⁶ px (docs/providers.md §2.10, Q5). */
const Z_IMAGE_USD_PER_MEGAPIXEL = 0.004;

export const shortapiZImage: ModelDefinition<typeof zImageParams> = {
  id: "shortapi/z-image",
  providerId: "shortapi",
  providerModel: "shortapi/z-image/text-to-image",
  name: MODEL_NAMES["shortapi/z-image"],
  family: "Z-Image",
  goodFor: "Fast drafts, and text in Chinese or English",
  description: "Tongyi-MAI's 6B Z-Image via shortapi: fast, renders Chinese and English text.",
  promptMaxLength: SHORTAPI_PROMPT_MAX,
  params: zImageParams,
  pricing: "$0.004 per megapixel",
  estimateCost(params) {
    const tier = params.resolution === "1.5K" ? "1280" : "1024";
    const { width, height } = Z_IMAGE_SIZES[tier][params.aspect_ratio];
    return Z_IMAGE_USD_PER_MEGAPIXEL * ((width * height) / 1_000_000) * params.num_images;
  },
  mapSharedSettings({ aspectRatio, numImages }) {
    const count = Math.min(numImages, 4);
    return {
      params: { aspect_ratio: aspectRatio, num_images: count },
      notes: count === numImages ? [] : [`Makes ${count} images (at most 4 per job)`],
    };
  },
  imageCount: (params) => params.num_images,
  aspectRatio: (params) => ratioOf(params.aspect_ratio),
  inputImages: NO_INPUT_IMAGES,
};

const FLUX_IMAGE_COUNTS = [1, 2, 4, 8] as const;

const fluxParams = z.object({
  aspect_ratio: aspectRatioField(),
  num_images: z
    .literal(FLUX_IMAGE_COUNTS)
    .default(1)
    .meta({ title: "Number of images", description: "FLUX returns 1, 2, 4 or 8 images per job." }),
  performance: z.enum(["schnell", "dev"]).default("dev").meta({
    title: "Performance",
    description: "schnell: few steps, fastest and cheapest. dev: more steps, higher quality.",
  }),
});

export const shortapiFlux: ModelDefinition<typeof fluxParams> = {
  id: "shortapi/flux-1.0",
  providerId: "shortapi",
  providerModel: "shortapi/flux-1.0/text-to-image",
  name: MODEL_NAMES["shortapi/flux-1.0"],
  family: "FLUX",
  goodFor: "Photoreal scenes; schnell for quick drafts, dev for finish",
  description: "Black Forest Labs' FLUX.1 via shortapi, schnell or dev.",
  promptMaxLength: SHORTAPI_PROMPT_MAX,
  params: fluxParams,
  pricing: "schnell $0.002, dev $0.02 per request",
  // Priced per request as documented, whatever num_images is (docs/providers.md Q6).
  estimateCost: (params) => (params.performance === "schnell" ? 0.002 : 0.02),
  mapSharedSettings({ aspectRatio, numImages }) {
    const count = FLUX_IMAGE_COUNTS.find((allowed) => allowed >= numImages) ?? 8;
    return {
      params: { aspect_ratio: aspectRatio, num_images: count },
      notes: count === numImages ? [] : [`Makes ${count} images (FLUX offers 1, 2, 4 or 8)`],
    };
  },
  imageCount: (params) => params.num_images,
  aspectRatio: (params) => ratioOf(params.aspect_ratio),
  inputImages: NO_INPUT_IMAGES,
};

const GPT_IMAGE_SIZES = ["1024x1024", "1536x1024", "1024x1536", "auto"] as const;
type GptImageSize = (typeof GPT_IMAGE_SIZES)[number];

const gptImageParams = z.object({
  size: z
    .enum(GPT_IMAGE_SIZES)
    .default("auto")
    .meta({ title: "Size", description: "Pixel size, or auto to let the model choose." }),
});

function gptSizeFor(aspectRatio: AspectRatio): GptImageSize {
  if (aspectRatio === "1:1") return "1024x1024";
  const [w = 1, h = 1] = aspectRatio.split(":").map(Number);
  return w > h ? "1536x1024" : "1024x1536";
}

export const shortapiGptImage2: ModelDefinition<typeof gptImageParams> = {
  id: "shortapi/gpt-image-2",
  providerId: "shortapi",
  providerModel: "openai/gpt-image-2/text-to-image",
  name: MODEL_NAMES["shortapi/gpt-image-2"],
  family: "GPT Image",
  goodFor: "Posters and layouts: crisp text and fine detail",
  description: "OpenAI's gpt-image-2 via shortapi: strong typography and detail.",
  promptMaxLength: SHORTAPI_PROMPT_MAX,
  params: gptImageParams,
  pricing: "$0.06 per request",
  estimateCost: () => 0.06,
  mapSharedSettings({ aspectRatio, numImages }) {
    const size = gptSizeFor(aspectRatio);
    const notes: string[] = [];
    const exact = aspectRatio === "1:1" || aspectRatio === "3:2" || aspectRatio === "2:3";
    if (!exact) notes.push(`Uses ${size.replace("x", "×")} (nearest to ${aspectRatio})`);
    return { params: { size }, notes: [...notes, ...oneImageNotes(numImages)] };
  },
  imageCount: () => 1,
  aspectRatio(params) {
    if (params.size === "auto") return 1;
    const [width = 1, height = 1] = params.size.split("x").map(Number);
    return width / height;
  },
  inputImages: NO_INPUT_IMAGES,
};

export const shortapiFluxImageToImage: ModelDefinition<typeof fluxParams> = {
  ...shortapiFlux,
  id: "shortapi/flux-1.0-image-to-image",
  providerModel: "shortapi/flux-1.0/image-to-image",
  name: MODEL_NAMES["shortapi/flux-1.0-image-to-image"],
  family: "FLUX",
  goodFor: "Restyling your image while keeping its composition",
  description: "FLUX.1 redraws your image after the prompt, schnell or dev, at the aspect ratio you pick.",
  inputImages: { min: 1, max: 1 },
};

/** gpt-image-2's edit endpoint documents no field but the prompt and its images (providers-edit.md §2). */
const gptImageEditParams = z.object({});

export const shortapiGptImage2Edit: ModelDefinition<typeof gptImageEditParams> = {
  id: "shortapi/gpt-image-2-edit",
  providerId: "shortapi",
  providerModel: "openai/gpt-image-2/edit",
  name: MODEL_NAMES["shortapi/gpt-image-2-edit"],
  family: "GPT Image",
  goodFor: "Precise edits from an instruction, with many references",
  description: "OpenAI's gpt-image-2 edits your images after an instruction; up to 16 references.",
  promptMaxLength: SHORTAPI_PROMPT_MAX,
  params: gptImageEditParams,
  pricing: "$0.06 per request",
  estimateCost: () => 0.06,
  mapSharedSettings: ({ aspectRatio, numImages }) => ({
    params: {},
    notes: [followsInputShape(aspectRatio), ...oneImageNotes(numImages)],
  }),
  imageCount: () => 1,
  aspectRatio: () => 1,
  inputImages: { min: 1, max: 16 },
};

/** shortapi's models, in display order; the catalog lists each provider's in turn. */
export const SHORTAPI_MODELS = [
  shortapiZImage,
  shortapiFlux,
  shortapiGptImage2,
  shortapiGptImage2Edit,
  shortapiFluxImageToImage,
] as const;
