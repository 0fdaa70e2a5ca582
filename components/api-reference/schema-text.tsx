import { Fragment, type ReactNode } from "react";

/** A JSON Schema as the reference shows it: a short type expression, names linked to their schema. */

export type Schema = {
  $ref?: string;
  type?: string | string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  title?: string;
};

export const schemaName = (ref: string) => ref.split("/").at(-1)!;
export const schemaAnchor = (name: string) => `schema-${name}`;

function joined(parts: ReactNode[], separator: string): ReactNode {
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? separator : null}
      {part}
    </Fragment>
  ));
}

export function SchemaText({ schema }: { schema: Schema | undefined }): ReactNode {
  if (!schema || Object.keys(schema).length === 0) return "any";
  if (schema.$ref) {
    const name = schemaName(schema.$ref);
    return (
      // Underlined: beside the text around it, the link's colour alone does not tell it apart.
      <a href={`#${schemaAnchor(name)}`} className="text-accent-strong underline underline-offset-2">
        {name}
      </a>
    );
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union)
    return joined(
      union.map((part, index) => <SchemaText key={index} schema={part} />),
      " | ",
    );
  if (schema.allOf?.[0]) return <SchemaText schema={schema.allOf[0]} />;
  if (schema.type === "array") return <>{<SchemaText schema={schema.items} />}[]</>;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "object" && !schema.properties) {
    const values = schema.additionalProperties;
    return typeof values === "object" ? (
      <>
        {"{ [key]: "}
        {<SchemaText schema={values} />}
        {" }"}
      </>
    ) : (
      "object"
    );
  }
  return schema.type ?? "any";
}

/** The limits a schema sets, in words: "1–12 items", "≤ 2000 characters", "default false". */
export function limitsOf(schema: Schema): string {
  const limits: string[] = [];
  const range = (min?: number, max?: number, unit = "") =>
    min !== undefined && max !== undefined
      ? `${min}–${max}${unit}`
      : min !== undefined
        ? `≥ ${min}${unit}`
        : max !== undefined
          ? `≤ ${max}${unit}`
          : undefined;
  const safe = (value?: number) =>
    value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined;
  for (const limit of [
    range(safe(schema.minimum), safe(schema.maximum)),
    range(schema.minLength, schema.maxLength, " characters"),
    range(schema.minItems, schema.maxItems, " items"),
  ]) {
    if (limit) limits.push(limit);
  }
  if (schema.default !== undefined) limits.push(`default ${JSON.stringify(schema.default)}`);
  return limits.join(", ");
}
