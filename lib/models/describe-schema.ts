import type { z } from "zod";

/** What the form walker can render. Anything else in a model schema is a catalog bug. */
export type SchemaField = TextField | NumberField | EnumField | BooleanField;

interface FieldBase {
  name: string;
  title: string;
  description?: string;
  optional: boolean;
  defaultValue?: unknown;
}

export interface TextField extends FieldBase {
  kind: "text";
  examples: string[];
}

export interface NumberField extends FieldBase {
  kind: "number";
  min?: number;
  max?: number;
  step?: number;
  integer: boolean;
}

export type EnumValue = string | number;

export interface EnumField extends FieldBase {
  kind: "enum";
  options: { value: EnumValue; label: string }[];
}

export interface BooleanField extends FieldBase {
  kind: "boolean";
}

export class UnsupportedFieldError extends Error {
  constructor(name: string, type: string) {
    super(`Field "${name}" uses "${type}", which the schema form does not support`);
    this.name = "UnsupportedFieldError";
  }
}

interface FieldMeta {
  title?: string;
  description?: string;
  optionLabels?: Record<string, string>;
  examples?: unknown;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  values?: unknown[];
  entries?: Record<string, EnumValue>;
  checks?: { _zod: { def: { check: string; value?: unknown } } }[];
}

const defOf = (schema: z.ZodType) => schema.def as unknown as Def;
const metaOf = (schema: z.ZodType) => (schema.meta() ?? {}) as FieldMeta;

function humanize(name: string): string {
  const words = name.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function unwrap(schema: z.ZodType) {
  let current = schema;
  let meta: FieldMeta = metaOf(schema);
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(current);
    if (def.type === "optional") optional = true;
    else if (def.type === "default") defaultValue = def.defaultValue;
    else break;
    current = def.innerType as z.ZodType;
    meta = { ...metaOf(current), ...meta };
  }
  return { inner: current, meta, optional: optional || defaultValue !== undefined, defaultValue };
}

function numberBounds(def: Def) {
  const bounds: Pick<NumberField, "min" | "max" | "step" | "integer"> = { integer: false };
  for (const check of def.checks ?? []) {
    const { check: kind, value } = check._zod.def;
    const checkDef = check._zod.def as { format?: string; inclusive?: boolean };
    if (kind === "number_format" && (checkDef.format === "safeint" || checkDef.format === "int32"))
      bounds.integer = true;
    else if (kind === "greater_than" && typeof value === "number") bounds.min = value;
    else if (kind === "less_than" && typeof value === "number") bounds.max = value;
    else if (kind === "multiple_of" && typeof value === "number") bounds.step = value;
    else if (kind !== "number_format" && kind !== "custom") throw new UnsupportedFieldError("number", kind);
  }
  if (bounds.integer && bounds.step === undefined) bounds.step = 1;
  return bounds;
}

function enumOptions(values: unknown[], meta: FieldMeta, name: string): EnumField["options"] {
  return values.map((value) => {
    if (typeof value !== "string" && typeof value !== "number")
      throw new UnsupportedFieldError(name, typeof value);
    return { value, label: meta.optionLabels?.[String(value)] ?? String(value) };
  });
}

/** One field of a model's params, in the walker's vocabulary; throws `UnsupportedFieldError` otherwise. */
export function describeField(name: string, schema: z.ZodType): SchemaField {
  const { inner, meta, optional, defaultValue } = unwrap(schema);
  const def = defOf(inner);
  const base: FieldBase = {
    name,
    title: meta.title ?? humanize(name),
    description: meta.description,
    optional,
    defaultValue,
  };
  switch (def.type) {
    case "string":
      for (const check of def.checks ?? []) {
        const kind = check._zod.def.check;
        if (!["string_format", "min_length", "max_length", "length_equals", "custom"].includes(kind))
          throw new UnsupportedFieldError(name, kind);
      }
      return {
        ...base,
        kind: "text",
        examples: Array.isArray(meta.examples) ? meta.examples.map(String) : [],
      };
    case "number":
      return { ...base, kind: "number", ...numberBounds(def) };
    case "enum":
      return { ...base, kind: "enum", options: enumOptions(Object.values(def.entries ?? {}), meta, name) };
    case "literal":
      return { ...base, kind: "enum", options: enumOptions(def.values ?? [], meta, name) };
    case "boolean":
      return { ...base, kind: "boolean" };
    default:
      throw new UnsupportedFieldError(name, def.type);
  }
}

export function describeSchema(schema: z.ZodObject): SchemaField[] {
  return Object.entries(schema.shape).map(([name, field]) => describeField(name, field as z.ZodType));
}
