import { z } from "zod";
import { cursorParam } from "./cursor-param";
import { CURSOR_ID, CURSOR_INSTANT, fromBase64Url, toBase64Url } from "./run-cursor";

/** Isomorphic: the requests of /api/picks (the picks board) and its exports. */

/** Where the next page of the board starts: the last pick's place, as base64url JSON. Opaque to clients. */
export interface PickCursor {
  rank: number;
  createdAt: string;
  id: string;
}

export const MAX_PICKS_PER_REQUEST = 500;

export function encodePickCursor(cursor: PickCursor): string {
  return toBase64Url(JSON.stringify({ rank: cursor.rank, createdAt: cursor.createdAt, id: cursor.id }));
}

/** Null for anything that is not a cursor this app made. */
export function decodePickCursor(text: string): PickCursor | null {
  try {
    const { rank, createdAt, id } = JSON.parse(fromBase64Url(text)) as Partial<PickCursor>;
    if (
      Number.isSafeInteger(rank) &&
      typeof id === "string" &&
      CURSOR_ID.test(id) &&
      typeof createdAt === "string" &&
      CURSOR_INSTANT.test(createdAt) &&
      new Date(createdAt).toISOString() === createdAt
    ) {
      return { rank: rank!, createdAt, id };
    }
  } catch {
    // Not base64url, not JSON: falls through.
  }
  return null;
}

/** `since`: a day (2026-12-01, from its start in UTC) or an ISO instant. */
export const sinceSchema = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((text, context) => {
    if (!text) return undefined;
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00.000Z` : text);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({
        code: "custom",
        message: "since must be a date (2026-12-01) or an ISO date and time",
      });
      return z.NEVER;
    }
    return date;
  });

/** GET /api/picks?q=&model=&since=&cursor=&limit= */
export const listPicksQuerySchema = z.object({
  q: z.string().trim().max(500).optional(),
  model: z.string().max(100).optional(),
  since: sinceSchema,
  cursor: cursorParam(decodePickCursor),
  limit: z.coerce.number<string>().int().min(1).max(200).default(60),
});

export type ListPicksQuery = z.input<typeof listPicksQuerySchema>;
export type ListPicksInput = z.output<typeof listPicksQuerySchema>;

const imageIdsSchema = z
  .array(z.string().min(1).max(100))
  .min(1, "Send at least one image id")
  .max(MAX_PICKS_PER_REQUEST)
  .refine((ids) => new Set(ids).size === ids.length, "Each image id once");

/** PUT /api/picks/order — these picks in this order, among the places they hold on the board. */
export const reorderPicksBodySchema = z.object({ imageIds: imageIdsSchema }).strict();

export type ReorderPicksBody = z.input<typeof reorderPicksBodySchema>;

/** GET /api/picks/contact-sheet?ids=a,b and /api/picks/download?ids=a,b — a selection, in this order. */
export const pickSelectionQuerySchema = z.object({
  ids: z
    .string()
    .max(MAX_PICKS_PER_REQUEST * 101)
    .transform((text) =>
      text
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(imageIdsSchema),
});
