import type { z } from "zod";
import type { ProviderId } from "./providers";

export { PROVIDER_IDS, type ProviderId } from "./providers";

/**
 * One image a provider produced, before we download it. Here, at the bottom, because the adapters
 * return it and the database keeps it (jobs.provider_outputs).
 */
export interface ProviderOutput {
  url: string;
  width?: number;
  height?: number;
}

/** The settings a person sets once for every model in a run. */
export interface SharedSettings {
  aspectRatio: AspectRatio;
  numImages: number;
}

/** What the playground preselects before a person touches the shared settings. */
export const INITIAL_SHARED_SETTINGS: SharedSettings = { aspectRatio: "1:1", numImages: 1 };

export const ASPECT_RATIOS = ["1:1", "3:2", "2:3", "4:3", "3:4", "16:9", "9:16", "21:9"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** The image counts the shared setting offers; a model that makes fewer says so in its notes. */
export const IMAGE_COUNTS = [1, 2, 3, 4] as const;

/** What one model makes of the shared settings: its native params, and what it could not honour. */
export interface SharedSettingsMapping<P> {
  params: Partial<P>;
  /** Human sentences, e.g. "Uses Landscape 16:9 (nearest to 21:9)". Empty when honoured exactly. */
  notes: string[];
}

/** The model picker's groups, in its order: a family is served by one provider or several. */
export const MODEL_FAMILIES = ["FLUX", "GPT Image", "Z-Image", "Qwen Image Edit"] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

/** A cost estimate in USD, or null where the provider documents no price. */
export type CostEstimate = number | null;

export interface ModelDefinition<S extends z.ZodObject = z.ZodObject> {
  /** Our id, "<provider>/<model>", stable in URLs and the database. */
  id: string;
  providerId: ProviderId;
  /** The provider's own model identifier, as sent on the wire. */
  providerModel: string;
  name: string;
  description: string;
  /** What the model is made by and named after, across providers: the model picker's groups. */
  family: ModelFamily;
  /** One line on what to pick it for, in a designer's words ("Crisp text in the image"). */
  goodFor: string;
  /** Longest prompt the provider accepts, where documented. */
  promptMaxLength: number;
  /** Native parameters (everything but the prompt). Drives the form, validation and JSON Schema. */
  params: S;
  /** Why the price is what it is, shown next to the estimate. */
  pricing: string;
  estimateCost(params: z.output<S>): CostEstimate;
  mapSharedSettings(settings: SharedSettings): SharedSettingsMapping<z.output<S>>;
  /** Most images one job of this model returns for these params. */
  imageCount(params: z.output<S>): number;
  /** Width ÷ height of the images these params ask for (1 where the model picks). */
  aspectRatio(params: z.output<S>): number;
  /**
   * How many of a run's input images the model takes: `{ min: 0, max: 0 }` for text-to-image;
   * `min ≥ 1` makes it an edit / image-to-image model. Read by the form, the server and the notes.
   */
  inputImages: InputImageRange;
}

/** How many input images a model takes (lib/models: the form and the server read the same). */
export interface InputImageRange {
  min: number;
  max: number;
  /** The longest side the provider documents for an input; a larger one is sent downscaled, with a note. */
  maxSide?: number;
}

/** The range of every text-to-image model. */
export const NO_INPUT_IMAGES: InputImageRange = { min: 0, max: 0 };
