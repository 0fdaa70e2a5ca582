import { fluxSize, type PixelSize, Z_IMAGE_SIZES } from "@/lib/models/sizes";
import { ASPECT_RATIOS, type AspectRatio } from "@/lib/models/types";
import { sizeLike } from "./input-images";
import type { SimJob } from "./saved-state";
import { boolean, countOf, type FieldCheck, type FieldRules, httpUrl, oneOf, text } from "./validate";

/** What shortapi checks and makes of each model it serves (docs/providers.md §2, providers-edit.md §2). */

export interface ShortapiModel {
  label(args: Record<string, unknown>): string;
  rules: FieldRules;
  imageCount(args: Record<string, unknown>): number;
  /** The output size; an edit model's may follow its input. */
  size(args: Record<string, unknown>, input?: SimJob["input"]): PixelSize;
  /**
   * Provider-side price (§2.10), deliberately not read from our catalog so a wrong estimate
   * there shows up as a difference from `amount`.
   */
  priceUsd(args: Record<string, unknown>): number;
  /** An edit model's input image URLs, from its args; absent for text-to-image. */
  inputs?(args: Record<string, unknown>): string[];
}

const GPT_IMAGE_SIZES = ["1024x1024", "1536x1024", "1024x1536", "auto"];

function zImageSize(args: Record<string, unknown>): PixelSize {
  return Z_IMAGE_SIZES[args.resolution === "1.5K" ? "1280" : "1024"][args.aspect_ratio as AspectRatio];
}

const count = (args: Record<string, unknown>) => Number(args.num_images ?? 1);

const urlList =
  (max: number): FieldCheck =>
  (value) =>
    Array.isArray(value) && value.length >= 1 && value.length <= max && value.every((item) => !httpUrl(item))
      ? undefined
      : `must be a list of 1 to ${max} http(s) URLs`;

/** FLUX.1's text-to-image and image-to-image share their fields, sizes and prices (§2.4, edit §2). */
function flux(name: string, extraRules: FieldRules): ShortapiModel {
  return {
    label: (args) => `${name} ${args.performance === "schnell" ? "schnell" : "dev"}`,
    rules: {
      prompt: { required: true, check: text },
      ...extraRules,
      aspect_ratio: { required: true, check: oneOf(ASPECT_RATIOS) },
      num_images: { check: countOf([1, 2, 4, 8]) },
      performance: { check: oneOf(["schnell", "dev"]) },
    },
    imageCount: count,
    size: (args) => fluxSize(args.aspect_ratio as AspectRatio),
    priceUsd: (args) => (args.performance === "schnell" ? 0.002 : 0.02),
  };
}

export const SHORTAPI_MODELS: Record<string, ShortapiModel> = {
  "shortapi/z-image/text-to-image": {
    label: () => "Z-Image · shortapi",
    rules: {
      prompt: { required: true, check: text },
      aspect_ratio: { required: true, check: oneOf(ASPECT_RATIOS) },
      num_images: { check: countOf([1, 2, 3, 4]) },
      resolution: { check: oneOf(["1K", "1.5K"]) },
      enable_nsfw: { check: boolean },
    },
    imageCount: count,
    size: zImageSize,
    priceUsd(args) {
      const { width, height } = zImageSize(args);
      return 0.004 * ((width * height) / 1_000_000) * count(args);
    },
  },
  "shortapi/flux-1.0/text-to-image": flux("FLUX.1", {}),
  "shortapi/flux-1.0/image-to-image": {
    ...flux("FLUX.1 image-to-image", { image_url: { required: true, check: httpUrl } }),
    inputs: (args) => [String(args.image_url)],
  },
  "openai/gpt-image-2/text-to-image": {
    label: () => "GPT Image 2",
    rules: {
      prompt: { required: true, check: text },
      size: { check: oneOf(GPT_IMAGE_SIZES) },
    },
    imageCount: () => 1,
    size(args) {
      const [width = 1024, height = 1024] =
        typeof args.size === "string" && args.size !== "auto" ? args.size.split("x").map(Number) : [];
      return { width, height };
    },
    priceUsd: () => 0.06,
  },
  "openai/gpt-image-2/edit": {
    label: () => "GPT Image 2 edit",
    rules: { prompt: { required: true, check: text }, images: { required: true, check: urlList(16) } },
    imageCount: () => 1,
    size: (_args, input) => (input ? sizeLike(input) : { width: 1024, height: 1024 }),
    priceUsd: () => 0.06,
    inputs: (args) => (args.images as string[]).map(String),
  },
};
