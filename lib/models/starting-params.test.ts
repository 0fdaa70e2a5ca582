import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MODELS } from "./catalog";
import { paramDefaults } from "./starting-params";

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
