import { fieldErrorMap } from "@/components/schema-form/field-error-map";
import { paramValueLabel } from "@/lib/labels/params";
import type { SchemaField } from "@/lib/models/describe-schema";
import type { ModelDefinition } from "@/lib/models/types";

/** Fields a sweep can vary: the ones with a small set of values or a number line. */
export const sweepable = (field: SchemaField) => field.kind !== "text";

/** "8, 16 28" → [8, 16, 28]; duplicates dropped, what is not a number returned apart. */
export function parseNumberList(text: string): { values: number[]; invalid: string[] } {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  const invalid = tokens.filter((token) => !Number.isFinite(Number(token)));
  const values = [...new Set(tokens.filter((token) => !invalid.includes(token)).map(Number))];
  return { values, invalid };
}

/**
 * What the model's own schema says against each value, with the configuration's other values as
 * they are: "99: Must be at most 50". Issues of other fields are the form's business, not the sweep's.
 */
export function sweepProblems(
  model: ModelDefinition,
  field: SchemaField,
  base: Record<string, unknown>,
  values: unknown[],
): string[] {
  return values.flatMap((value) => {
    const result = model.params.safeParse({ ...base, [field.name]: value }, { error: fieldErrorMap });
    const issue = result.error?.issues.find((candidate) => candidate.path[0] === field.name);
    return issue ? [`${paramValueLabel(field, value)}: ${issue.message}`] : [];
  });
}
