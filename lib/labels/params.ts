/**
 * Parameters and configurations as people read them ("Aspect ratio 16:9", "FLUX.1 · dev"), from
 * plain field descriptions (lib/models/param-fields.ts makes them from a model's schema), so the
 * share page can show them without shipping zod.
 */

export interface ParamField {
  name: string;
  title: string;
  kind: "text" | "number" | "enum" | "boolean";
  options?: readonly { value: string | number; label: string }[];
}

export interface ParamLabel {
  key: string;
  title: string;
  value: string;
}

/** One value as its field names it: enum labels, "on"/"off", numbers and text as they are. */
export function paramValueLabel(field: ParamField | undefined, value: unknown): string {
  if (value === undefined || value === null) return "default";
  if (field?.kind === "enum") {
    return field.options?.find((option) => option.value === value)?.label ?? String(value);
  }
  if (typeof value === "boolean") return value ? "on" : "off";
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
}

/** Every set parameter of a job as { title, value } labels, in the fields' order. */
export function paramLabels(fields: readonly ParamField[], params: Record<string, unknown>): ParamLabel[] {
  return fields.flatMap((field) => {
    const value = params[field.name];
    if (value === undefined || value === null || value === "") return [];
    return [{ key: field.name, title: field.title, value: paramValueLabel(field, value) }];
  });
}

/** The parameters of a model no longer in the catalog: its keys in words ("Num inference steps"), its values. */
export function rawParamLabels(params: Record<string, unknown>): ParamLabel[] {
  return Object.entries(params).map(([key, value]) => ({
    key,
    title: keyTitle(key),
    value: paramValueLabel(undefined, value),
  }));
}

/** A job's parameters by its model's fields, or by their keys where the model is gone. */
export function paramLabelsOf(
  fields: readonly ParamField[] | undefined,
  params: Record<string, unknown>,
): ParamLabel[] {
  return fields ? paramLabels(fields, params) : rawParamLabels(params);
}

/** "num_inference_steps" or "numImages" as words: "Num inference steps", "Num images". */
function keyTitle(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
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
function differenceLabel(field: ParamField | undefined, key: string, value: unknown): string {
  const title = field?.title ?? key;
  if (typeof value === "number") return numberLabel(value, title);
  const shown = paramValueLabel(field, value);
  return field?.kind === "enum" ? shown : `${title} ${shown}`;
}

export interface ConfigurationToLabel {
  model: { id: string; name: string };
  fields: readonly ParamField[];
  params: Record<string, unknown>;
  /** A label the user gave: it wins. */
  label?: string;
}

/**
 * The labels of a run's configurations (the matrix's column headings): the model's name, and where
 * the same model appears more than once, what differs between its configurations ("FLUX.1 · dev",
 * "Z-Image Base · 28 steps").
 */
export function configurationLabels(configurations: readonly ConfigurationToLabel[]): string[] {
  return configurations.map(({ model, fields, params, label }) => {
    if (label) return label;
    const siblings = configurations.filter((configuration) => configuration.model.id === model.id);
    if (siblings.length === 1) return model.name;
    const differences = fields
      .filter((field) =>
        siblings.some(
          (sibling) => JSON.stringify(sibling.params[field.name]) !== JSON.stringify(params[field.name]),
        ),
      )
      .map((field) => differenceLabel(field, field.name, params[field.name]));
    return [model.name, ...differences].join(" · ");
  });
}
