import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MODELS } from "./catalog";
import { paramDefaults, startingParams } from "./starting-params";

describe("paramDefaults", () => {
  it.each(MODELS.map((model) => [model.id, model]))(
    "%s: the defaults its JSON Schema publishes",
    (_, model) => {
      const properties = (
        z.toJSONSchema(model.params, { io: "input" }) as {
          properties: Record<string, { default?: unknown }>;
        }
      ).properties;
      const published = Object.fromEntries(
        Object.entries(properties)
          .filter(([, property]) => property.default !== undefined)
          .map(([name, property]) => [name, property.default]),
      );
      expect(paramDefaults(model.params)).toEqual(published);
      // gpt-image-2's edit endpoint documents no parameter besides the prompt and its images.
      if (model.id !== "shortapi/gpt-image-2-edit") expect(Object.keys(published).length).toBeGreaterThan(0);
    },
  );
});

/** Edit models whose output takes their input's shape, whatever the shared aspect ratio. */
const KEEPS_INPUT_SHAPE = MODELS.filter(
  (model) => model.inputImages.min > 0 && !("aspect_ratio" in model.params.shape),
);

describe("expected output", () => {
  it.each(MODELS.filter((model) => !KEEPS_INPUT_SHAPE.includes(model)).map((model) => [model.id, model]))(
    "%s: image count and aspect ratio follow the shared settings",
    (_, model) => {
      const wide = model.params.parse(startingParams(model, { aspectRatio: "16:9", numImages: 2 }));
      const square = model.params.parse(startingParams(model, { aspectRatio: "1:1", numImages: 1 }));
      expect(model.aspectRatio(wide)).toBeGreaterThan(1.3);
      expect(model.aspectRatio(square)).toBe(1);
      expect(model.imageCount(square)).toBe(1);
      expect([1, 2]).toContain(model.imageCount(wide));
    },
  );
});

describe("edit models that keep their input's shape", () => {
  it.each(KEEPS_INPUT_SHAPE.map((model) => [model.id, model]))(
    "%s: say so instead of taking the shared aspect ratio, and make 1 or 2 images",
    (_, model) => {
      const mapping = model.mapSharedSettings({ aspectRatio: "16:9", numImages: 2 });
      expect(mapping.notes).toContain("Keeps your image's shape (not 16:9)");
      const wide = model.params.parse(startingParams(model, { aspectRatio: "16:9", numImages: 2 }));
      expect(model.aspectRatio(wide)).toBe(1);
      expect([1, 2]).toContain(model.imageCount(wide));
    },
  );
});
