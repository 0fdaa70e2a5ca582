import { describe, expect, it } from "vitest";
import { findModel } from "@/lib/models/catalog";
import { paramFields } from "@/lib/models/param-fields";
import { startingParams } from "@/lib/models/starting-params";
import type { ModelDefinition } from "@/lib/models/types";
import { configurationLabels, paramLabels, rawParamLabels } from "./params";

const labelsOf = (configs: { model: ModelDefinition; params: Record<string, unknown> }[]) =>
  configurationLabels(configs.map((config) => ({ ...config, fields: paramFields(config.model) })));

const flux = findModel("shortapi/flux-1.0")!;
const turbo = findModel("pixazo/z-image-turbo")!;

describe("configurationLabels", () => {
  it("writes a differing count with its unit, whether the field is a number or a list of numbers", () => {
    const fluxOf = (numImages: number) => ({
      model: flux,
      params: { ...startingParams(flux), num_images: numImages },
    });
    expect(labelsOf([fluxOf(2), fluxOf(1)])).toEqual(["FLUX.1 · 2 images", "FLUX.1 · 1 image"]);
    const turboOf = (steps: number, numImages: number) => ({
      model: turbo,
      params: { ...startingParams(turbo), num_inference_steps: steps, num_images: numImages },
    });
    expect(labelsOf([turboOf(1, 1), turboOf(8, 3)])).toEqual([
      "Z-Image Turbo · 1 step · 1 image",
      "Z-Image Turbo · 8 steps · 3 images",
    ]);
    const dashscope = findModel("dashscope/z-image-turbo")!;
    const seeded = (seed: number) => ({ model: dashscope, params: { ...startingParams(dashscope), seed } });
    expect(labelsOf([seeded(42), seeded(7)])).toEqual(["Z-Image Turbo · Seed 42", "Z-Image Turbo · Seed 7"]);
  });
});

describe("paramLabels", () => {
  it("names each set parameter by its field's title and option label, in the schema's order", () => {
    const labels = paramLabels(paramFields(flux), {
      performance: "schnell",
      num_images: 2,
      aspect_ratio: "16:9",
    });
    expect(labels.map((label) => label.key)).toEqual(["aspect_ratio", "num_images", "performance"]);
    expect(labels.slice(1)).toEqual([
      { key: "num_images", title: "Number of images", value: "2" },
      { key: "performance", title: "Performance", value: "schnell" },
    ]);
  });

  it("names a gone model's raw keys in words", () => {
    expect(rawParamLabels({ steps: 8, style: "ink", num_inference_steps: 4 })).toEqual([
      { key: "steps", title: "Steps", value: "8" },
      { key: "style", title: "Style", value: "ink" },
      { key: "num_inference_steps", title: "Num inference steps", value: "4" },
    ]);
  });
});
