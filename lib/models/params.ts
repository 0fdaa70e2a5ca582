import { z } from "zod";
import { ASPECT_RATIOS } from "./types";

/**
 * Shared field builders. Every model schema is built from these and plain zod primitives, so the
 * form walker (components/schema-form) only meets the small vocabulary it supports:
 * string, number (min/max/step), enum (string or numeric literals), boolean, optional/default.
 */

/** The one prompt validator, of the form and of POST /api/runs; `limitedBy` names the model whose limit it is. */
export const promptSchema = (maxLength: number, limitedBy?: string) =>
  z
    .string()
    .trim()
    .min(1, "Prompt is required")
    .max(
      maxLength,
      `Prompt must be at most ${maxLength} characters${limitedBy ? ` (limit of ${limitedBy})` : ""}`,
    )
    .meta({ title: "Prompt", description: "What the image should show." });

export const aspectRatioField = () =>
  z.enum(ASPECT_RATIOS).meta({ title: "Aspect ratio", description: "Shape of the image, width:height." });

export const intRange = (min: number, max: number, title: string, description: string) =>
  z.number().int().min(min).max(max).meta({ title, description });

export const numberRange = (min: number, max: number, step: number, title: string, description: string) =>
  z.number().min(min).max(max).multipleOf(step).meta({ title, description });

export const outputFormatField = () =>
  z
    .enum(["png", "jpeg", "webp"])
    .meta({ title: "Output format", description: "File type of the returned images." });

export const safetyCheckerField = () =>
  z.boolean().meta({ title: "Safety checker", description: "Block images the provider considers unsafe." });

export const seedField = () =>
  z.number().int().min(0).max(2_147_483_647).meta({
    title: "Seed",
    description: "Same seed and settings give the same image. Leave empty for random.",
  });

/** Qwen Image Edit's negative prompt, on DashScope and through pixazo alike (providers-edit.md §3, §4). */
export const negativePromptField = () =>
  z
    .string()
    .max(500)
    .meta({ title: "Negative prompt", description: "What the edit should avoid (at most 500 characters)." });

export const watermarkField = () =>
  z.boolean().meta({ title: "Watermark", description: "Add the provider's watermark to the output." });
