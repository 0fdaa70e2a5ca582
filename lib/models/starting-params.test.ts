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
      expect(Object.keys(published).length).toBeGreaterThan(0);
    },
  );
});

describe("expected output", () => {
  it.each(MODELS.map((model) => [model.id, model]))(
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
