import type { ModelDefinition } from "./types";
import { describeField, type SchemaField } from "./describe-schema";
import type { z } from "zod";

/** Isomorphic: parameters as people read them ("Aspect ratio 16:9"), from the schema's own metadata. */

function fieldOf(model: ModelDefinition, key: string): SchemaField | undefined {
  const schema = model.params.shape[key] as z.ZodType | undefined;
  return schema ? describeField(key, schema) : undefined;
}

/** One value as its field names it: enum labels, "on"/"off", numbers and text as they are. */
export function paramValueLabel(field: SchemaField | undefined, value: unknown): string {
  if (value === undefined || value === null) return "default";
  if (field?.kind === "enum") {
    return field.options.find((option) => option.value === value)?.label ?? String(value);
  }
  if (typeof value === "boolean") return value ? "on" : "off";
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
}

export interface ParamLabel {
  key: string;
  title: string;
  value: string;
}

/** Every set parameter of a job as { title, value } labels, in the schema's order. */
export function paramLabels(model: ModelDefinition, params: Record<string, unknown>): ParamLabel[] {
  return Object.keys(model.params.shape).flatMap((key) => {
    const value = params[key];
    if (value === undefined || value === null || value === "") return [];
    const field = fieldOf(model, key);
    return [{ key, title: field?.title ?? key, value: paramValueLabel(field, value) }];
  });
}

/**
 * A number as people say it: a count with its field's title as the unit ("2 images" from "Number of
 * images", "1 step" from "Steps"), any other value after its title ("Seed 42").
 */
function numberLabel(value: number, title: string): string {
  const unit = title.toLowerCase().replace(/^number of /, "");
  if (!unit.endsWith("s")) return `${title} ${value}`;
  return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`;
}

/** "dev" for an enum of words, "28 steps" or "2 images" for a count, "Safety checker off" for a switch. */
function differenceLabel(model: ModelDefinition, key: string, value: unknown): string {
  const field = fieldOf(model, key);
  const title = field?.title ?? key;
  if (typeof value === "number") return numberLabel(value, title);
  const shown = paramValueLabel(field, value);
  return field?.kind === "enum" ? shown : `${title} ${shown}`;
}

/**
 * The column labels of a matrix: the model's name, and where the same model appears more than once,
 * what differs between its configurations ("FLUX.1 · dev", "Z-Image Base · 28 steps"). A label the
 * user gave wins.
 */
export function configLabels(
  configs: { model: ModelDefinition; params: Record<string, unknown>; label?: string }[],
): string[] {
  return configs.map(({ model, params, label }) => {
    if (label) return label;
    const siblings = configs.filter((config) => config.model.id === model.id);
    if (siblings.length === 1) return model.name;
    const keys = Object.keys(model.params.shape).filter((key) =>
      siblings.some((sibling) => JSON.stringify(sibling.params[key]) !== JSON.stringify(params[key])),
    );
    const differences = keys.map((key) => differenceLabel(model, key, params[key]));
    return [model.name, ...differences].join(" · ");
  });
}
