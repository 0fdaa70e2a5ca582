import type { ApiIssue } from "@/lib/api/error-envelope";

/**
 * Issues for every string in `value` that holds a NUL character: PostgreSQL cannot store or compare
 * one, so it would surface as a 500 with the raw byte in the log instead of a 4xx naming the field.
 */
export function nulCharacterIssues(value: unknown, path: string[] = []): ApiIssue[] {
  if (typeof value === "string") {
    return value.includes("\u0000")
      ? [{ path: path.join("."), message: "Must not contain NUL characters" }]
      : [];
  }
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => nulCharacterIssues(item, [...path, key]));
}
