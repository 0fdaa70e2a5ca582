import { z } from "zod";

/** Isomorphic: a `cursor` query parameter, decoded by the list's own decoder; anything it refuses is a 422. */
export function cursorParam<Cursor>(decode: (text: string) => Cursor | null) {
  return z
    .string()
    .max(500)
    .optional()
    .transform((text, context) => {
      if (!text) return undefined;
      const cursor = decode(text);
      if (!cursor) context.addIssue({ code: "custom", message: "Invalid cursor" });
      return cursor ?? z.NEVER;
    });
}
