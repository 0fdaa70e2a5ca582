import { describe, expect, it } from "vitest";
import { findModel } from "./catalog";
import { configLabels } from "./param-labels";
import { startingParams } from "./starting-params";

const flux = findModel("shortapi/flux-1.0")!;
const turbo = findModel("pixazo/z-image-turbo")!;

describe("configLabels", () => {
  it("writes a differing count with its unit, whether the field is a number or a list of numbers", () => {
    const fluxOf = (numImages: number) => ({
      model: flux,
      params: { ...startingParams(flux), num_images: numImages },
    });
    expect(configLabels([fluxOf(2), fluxOf(1)])).toEqual(["FLUX.1 · 2 images", "FLUX.1 · 1 image"]);
    const turboOf = (steps: number, numImages: number) => ({
      model: turbo,
      params: { ...startingParams(turbo), num_inference_steps: steps, num_images: numImages },
    });
    expect(configLabels([turboOf(1, 1), turboOf(8, 3)])).toEqual([
      "Z-Image Turbo · 1 step · 1 image",
      "Z-Image Turbo · 8 steps · 3 images",
    ]);
    const dashscope = findModel("dashscope/z-image-turbo")!;
    const seeded = (seed: number) => ({ model: dashscope, params: { ...startingParams(dashscope), seed } });
    expect(configLabels([seeded(42), seeded(7)])).toEqual([
      "Z-Image Turbo · Seed 42",
      "Z-Image Turbo · Seed 7",
    ]);
  });
});
