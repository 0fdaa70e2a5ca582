import { describe, expect, it } from "vitest";
import { MODELS } from "./catalog";
import { ASPECT_RATIOS } from "./types";

describe("shared-settings mapping notes", () => {
  it("read as labels, never raw parameter values", () => {
    for (const model of MODELS) {
      for (const aspectRatio of ASPECT_RATIOS) {
        for (const note of model.mapSharedSettings({ aspectRatio, numImages: 4 }).notes) {
          expect(note, model.id).not.toMatch(/_|\d+x\d+/);
        }
      }
    }
  });

  it("names pixazo's preset by its label", () => {
    const pixazo = MODELS.find((model) => model.id === "pixazo/z-image-turbo");
    expect(pixazo?.mapSharedSettings({ aspectRatio: "21:9", numImages: 1 }).notes).toEqual([
      "Uses Landscape 16:9 (nearest to 21:9)",
    ]);
  });
});
