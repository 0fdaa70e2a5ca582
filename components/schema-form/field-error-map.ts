import type { z } from "zod";

/** Plain-language messages for the checks the walker's vocabulary can fail; schema-level messages still win. */
export const fieldErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "too_big":
      return `Must be at most ${String(issue.maximum)}`;
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1
        ? "Required"
        : `Must be at least ${String(issue.minimum)}`;
    case "not_multiple_of":
      return `Must be a multiple of ${String(issue.divisor)}`;
    case "invalid_type":
      if (issue.input === undefined) return "Required";
      return issue.expected === "int" || issue.expected === "number" ? "Enter a whole number" : undefined;
    case "invalid_value":
      return "Choose one of the options";
    default:
      return undefined;
  }
};
