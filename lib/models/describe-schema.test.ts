import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MODELS } from "@/lib/models/catalog";
import type { ModelDefinition } from "@/lib/models/types";
import { startingParams } from "@/lib/models/starting-params";
import { describeField, describeSchema, type SchemaField } from "@/lib/models/describe-schema";

const VOCABULARY = new Set(["text", "number", "enum", "boolean"]);

type JsonProperty = { title?: string; description?: string; default?: unknown };

const propertiesOf = (jsonSchema: unknown) =>
  (jsonSchema as { properties: Record<string, JsonProperty> }).properties;

const sampleValues = (model: ModelDefinition) => startingParams(model, { aspectRatio: "16:9", numImages: 2 });

function invalidValueFor(field: SchemaField): unknown {
  switch (field.kind) {
    case "text":
      return 42;
    case "number":
      return field.max === undefined ? "not a number" : field.max + 1;
    case "enum":
      return "not-an-option";
    case "boolean":
      return "yes";
  }
}

describe.each(MODELS.map((model) => [model.id, model] as const))("%s", (_id, model) => {
  it("uses only the form walker's vocabulary, with a title on every field", () => {
    for (const [name, schema] of Object.entries(model.params.shape)) {
      const field = describeField(name, schema as z.ZodType);
      expect(VOCABULARY.has(field.kind), `${name} is ${field.kind}`).toBe(true);
      expect(field.title, name).not.toBe("");
      if (field.kind === "enum") expect(field.options.length, name).toBeGreaterThan(0);
    }
  });

  it("round-trips through z.toJSONSchema", () => {
    const fields = describeSchema(model.params);
    const jsonSchema = z.toJSONSchema(model.params, { io: "input" });
    const rebuilt = z.fromJSONSchema(jsonSchema);
    const rebuiltProperties = propertiesOf(z.toJSONSchema(rebuilt, { io: "input" }));
    expect(Object.keys(propertiesOf(jsonSchema))).toEqual(fields.map((field) => field.name));
    for (const field of fields) {
      const property = rebuiltProperties[field.name];
      expect(property?.title, field.name).toBe(field.title);
      expect(property?.description, field.name).toBe(field.description);
      expect(property?.default, field.name).toEqual(field.defaultValue);
    }

    const valid = model.params.parse(sampleValues(model));
    expect(rebuilt.parse(valid)).toEqual(valid);
    for (const field of fields) {
      const invalid = invalidValueFor(field);
      expect(model.params.safeParse({ ...valid, [field.name]: invalid }).success, field.name).toBe(false);
      expect(rebuilt.safeParse({ ...valid, [field.name]: invalid }).success, field.name).toBe(false);
    }
  });

  it("accepts its own defaults once the shared settings are applied", () => {
    const values = sampleValues(model);
    const parsed = model.params.safeParse(values);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(model.params.safeParse(model.params.parse(values)).success).toBe(true);
  });
});
