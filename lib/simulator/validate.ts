/**
 * A deliberately tiny validator for provider request fields. Simulated providers are strict on
 * purpose: an adapter that sends a field the provider does not document fails loudly here.
 */

/** Returns what is wrong with a value ("must be …"), or undefined when it is fine. */
export type FieldCheck = (value: unknown) => string | undefined;

export interface FieldRule {
  required?: boolean;
  check: FieldCheck;
}

export type FieldRules = Record<string, FieldRule>;

/** The first problem as "<field> …", or undefined. null counts as absent. */
export function findProblem(object: Record<string, unknown>, rules: FieldRules): string | undefined {
  for (const [name, rule] of Object.entries(rules)) {
    const value = object[name];
    if (value === undefined || value === null) {
      if (rule.required) return `${name} is required`;
      continue;
    }
    const problem = rule.check(value);
    if (problem) return `${name} ${problem}`;
  }
  const unknown = Object.keys(object).find((name) => !Object.hasOwn(rules, name));
  return unknown === undefined ? undefined : `${unknown} is not a supported parameter`;
}

export const text: FieldCheck = (value) =>
  typeof value === "string" && value.trim() !== "" ? undefined : "must be a non-empty string";

export const boolean: FieldCheck = (value) => (typeof value === "boolean" ? undefined : "must be a boolean");

export const oneOf =
  (allowed: readonly string[]): FieldCheck =>
  (value) =>
    typeof value === "string" && allowed.includes(value)
      ? undefined
      : `must be one of: ${allowed.join(", ")}`;

/** Accepts numeric strings too: shortapi's docs list number options as strings (docs/providers.md §2.11). */
export const countOf =
  (allowed: readonly number[]): FieldCheck =>
  (value) => {
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    return typeof number === "number" && allowed.includes(number)
      ? undefined
      : `must be one of: ${allowed.join(", ")}`;
  };

export const integer =
  (min: number, max: number): FieldCheck =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? undefined
      : `must be an integer from ${min} to ${max}`;

export const numberIn =
  (min: number, max: number): FieldCheck =>
  (value) =>
    typeof value === "number" && Number.isFinite(value) && value >= min && value <= max
      ? undefined
      : `must be a number from ${min} to ${max}`;

export const shortText =
  (max: number): FieldCheck =>
  (value) =>
    typeof value === "string" && value.length <= max
      ? undefined
      : `must be a string of at most ${max} characters`;

/** Providers fetch input images themselves: only an http(s) URL will do (no data URIs). */
export const httpUrl: FieldCheck = (value) =>
  typeof value === "string" && /^https?:\/\/\S+$/i.test(value) ? undefined : "must be an http(s) URL";
