import { z } from "zod";

/** Isomorphic: the body of POST /api/session. */

const MAX_TOKEN_LENGTH = 500;

/** The /sign-in form (urlencoded) or JSON `{ token, next? }`. */
export const signInBodySchema = z.object({
  token: z.string().max(MAX_TOKEN_LENGTH).default(""),
  next: z
    .string()
    .max(2_000)
    .optional()
    .meta({ description: "Where the form goes afterwards: a path on this site." }),
});
