import type { z } from "zod";
import type { AppErrorCode } from "../error-codes";

/** Isomorphic: how lib/api/openapi describes one route method; document.ts makes OpenAPI of it. */

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface HeaderSpec {
  description: string;
  schema?: Record<string, unknown>;
}

export interface ResponseSpec {
  description: string;
  /** A JSON body: a schema of lib/api (named in components.ts). */
  json?: z.ZodType;
  /** A body of another type, by media type, e.g. { "application/zip": binary }. */
  content?: Record<string, { schema: Record<string, unknown> }>;
  headers?: Record<string, HeaderSpec>;
}

export interface ParameterSpec {
  name: string;
  in: "header" | "path";
  description: string;
  schema?: Record<string, unknown>;
  required?: boolean;
}

export interface OperationSpec {
  /** The operationId: what the typed client and the reference call it. */
  id: string;
  method: HttpMethod;
  /** OpenAPI template: `/api/runs/{id}` for app/api/runs/[id]. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** As the route declares it on routeHandler({ access }); the drift test compares the two. */
  access: "public" | "session";
  /** Provider callbacks only: cross-site POSTs are not refused. */
  crossOrigin?: "allow";
  query?: z.ZodObject;
  parameters?: ParameterSpec[];
  /** A JSON body validated with this schema (400 malformed, 413 too large, 415 not JSON, 422 invalid). */
  body?: z.ZodType;
  /** Other request media types, e.g. an upload. */
  bodyContent?: Record<string, { schema: Record<string, unknown> }>;
  responses: Record<number, ResponseSpec>;
  /** Error codes this operation answers with on purpose, beyond those every route may (document.ts). */
  errors?: AppErrorCode[];
}

export const binary = { type: "string", contentMediaType: "application/octet-stream" } as const;

export const fileOf = (mediaType: string) => ({
  [mediaType]: { schema: { type: "string", contentMediaType: mediaType } },
});

export const idParameter = (name: string, what: string): ParameterSpec => ({
  name,
  in: "path",
  description: what,
  required: true,
  schema: { type: "string", maxLength: 200 },
});

export const attachmentHeaders = {
  "Content-Disposition": { description: "`attachment` with a file name (`inline` for the contact sheet)." },
} satisfies Record<string, HeaderSpec>;

export const retryAfter = {
  "Retry-After": { description: "Seconds until a new request may be admitted.", schema: { type: "integer" } },
} satisfies Record<string, HeaderSpec>;

/** What a 503 that is worth repeating says: the server sends it with each such refusal. */
export const retryAfterUnavailable = {
  "Retry-After": {
    description:
      "Seconds after which the same request may succeed. Sent while the database is unavailable, when a new run is refused because images cannot be stored, and when every contact-sheet renderer of the instance stays busy (a run's or a selection of picks': the contact sheet and the ZIP).",
    schema: { type: "integer" },
  },
} satisfies Record<string, HeaderSpec>;
