import { describeSchema, type SchemaField } from "./describe-schema";
import type { ModelDefinition } from "./types";

const described = new WeakMap<ModelDefinition, readonly SchemaField[]>();

/**
 * A model's parameters as plain data (name, title, kind, option labels), in the schema's order:
 * what lib/labels names parameters and configurations by, without ever touching a zod schema.
 */
export function paramFields(model: ModelDefinition): readonly SchemaField[] {
  let fields = described.get(model);
  if (!fields) {
    fields = describeSchema(model.params);
    described.set(model, fields);
  }
  return fields;
}
