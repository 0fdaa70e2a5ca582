import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { ApiIssue, ErrorEnvelope } from "@/lib/api/error-envelope";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { requireSession } from "@/lib/security/api-access";
import { crossOriginRefusal, isStateChanging } from "@/lib/security/cross-origin";
import { isBlobStoreError } from "@/lib/storage/blob-store";
import { isDatabaseUnavailable } from "./database-unavailable";
import { nulCharacterIssues } from "./input-checks";
import { type BodyFormat, bodyFormatOf, readBody } from "./read-body";

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** A database restart or a lock held by a frozen instance is over within seconds. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<TParams, TBody, TQuery> {
  request: NextRequest;
  /** Dynamic segments, already awaited. */
  params: TParams;
  /** The JSON body after validation (undefined when the route declares no body schema). */
  body: TBody;
  /** The search params after validation (undefined when the route declares no query schema). */
  query: TQuery;
  /** How the body came: "form" only on routes that accept forms (undefined without a body schema). */
  bodyFormat: BodyFormat | undefined;
}

/**
 * Who may call a route: everyone, or (when PRISM_ACCESS_TOKEN is set) only a signed-in browser.
 * Declared on every route export; route-handler-coverage.test.ts fails on one that does not.
 */
export type RouteAccess = "public" | "session";

export interface RouteOptions<TBodySchema, TQuerySchema> {
  access: RouteAccess;
  /** Validates the body, which must then be JSON (Content-Type: application/json, else 415). */
  body?: TBodySchema;
  /** A request without a body (no Content-Type, no length) is validated as `undefined`: the schema's default. */
  optionalBody?: boolean;
  /** Also accept the body as an HTML form (application/x-www-form-urlencoded), as sign-in does. */
  acceptForm?: boolean;
  /** Validated against Object.fromEntries(searchParams). */
  query?: TQuerySchema;
  /** The body is read up to this many bytes and refused with 413 beyond; default 64 KB. */
  maxBodyBytes?: number;
  /**
   * "refuse" (default): a POST, PUT, PATCH or DELETE sent by a page of another origin gets 403
   * (lib/security/cross-origin.ts). "allow" only for callers that are servers, not browsers, and
   * need no session: provider callbacks.
   */
  crossOrigin?: "refuse" | "allow";
}

/** Next.js's second argument to a route handler. */
export interface RouteContext<TParams> {
  params: Promise<TParams>;
}

/** A JSON response; `data` is typed by the caller against the API contract (lib/api). */
export function json<T>(data: T, init?: ResponseInit): Response {
  return Response.json(data, init);
}

function errorResponse(
  status: number,
  error: ErrorEnvelope["error"],
  headers?: Record<string, string>,
): Response {
  return Response.json({ error } satisfies ErrorEnvelope, { status, headers });
}

function issuesOf(error: z.ZodError, prefix: PropertyKey[] = []): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join("."),
    message: issue.message,
  }));
}

function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError("invalid_input", `The ${what} has invalid fields`, { issues: issuesOf(result.error) });
}

/** Path segments Next could not percent-decode reject the params promise. */
async function awaitParams<TParams>(context: RouteContext<TParams>): Promise<TParams> {
  try {
    return await context.params;
  } catch (error) {
    if (error instanceof URIError || (error instanceof Error && error.name === "DecodeError")) {
      throw new AppError("bad_request", "The path is not valid percent-encoding");
    }
    throw error;
  }
}

const DISK_FULL_CODES = new Set(["53100", "ENOSPC", "EDQUOT"]);

/**
 * The database could not write because its disk is full: PostgreSQL's disk_full (53100), or the
 * file system's ENOSPC under embedded PGlite, anywhere in the error's chain of causes.
 */
function isDiskFull(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && DISK_FULL_CODES.has(code)) return true;
  if (typeof message === "string" && /no space left on device/i.test(message)) return true;
  return isDiskFull(cause, depth + 1);
}

function refuseNulCharacters(value: unknown, what: string): void {
  const issues = nulCharacterIssues(value);
  if (issues.length > 0) throw new AppError("invalid_input", `The ${what} has invalid fields`, { issues });
}

/**
 * Wraps every route export: refuses cross-origin changes (CSRF), checks the access it declares,
 * reads the body within its limit and validates it and the query (NUL characters refused
 * everywhere, path included), and turns errors into the one envelope: AppError → its status (lib/errors.ts), zod failures → 422 with one issue per field,
 * anything else → a logged 500 that tells the client nothing about the internals.
 */
export function routeHandler<
  TParams = Record<string, never>,
  TBodySchema extends z.ZodType | undefined = undefined,
  TQuerySchema extends z.ZodType | undefined = undefined,
>(
  options: RouteOptions<TBodySchema, TQuerySchema>,
  handler: (
    input: RouteInput<TParams, Output<TBodySchema>, Output<TQuerySchema>>,
  ) => Promise<Response> | Response,
): (request: NextRequest, context: RouteContext<TParams>) => Promise<Response> {
  return async (request, context) => {
    try {
      if (options.crossOrigin !== "allow" && isStateChanging(request.method)) {
        const refusal = crossOriginRefusal(request);
        if (refusal) throw new AppError("forbidden", refusal);
      }
      // The only access check API routes get: proxy.ts leaves them out, as it would cost every call.
      if (options.access === "session") await requireSession(request);
      const params = await awaitParams(context);
      refuseNulCharacters(params, "path");
      let body: unknown;
      let bodyFormat: BodyFormat | undefined;
      const noBody =
        !request.headers.get("content-type") && Number(request.headers.get("content-length") ?? 0) === 0;
      if (options.body && options.optionalBody && noBody) {
        body = validate(options.body, undefined, "request body");
      } else if (options.body) {
        bodyFormat = bodyFormatOf(request, options.acceptForm ? ["json", "form"] : ["json"]);
        const fields = await readBody(request, bodyFormat, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
        refuseNulCharacters(fields, "request body");
        body = validate(options.body, fields, "request body");
      }
      let query: unknown;
      if (options.query) {
        const fields = Object.fromEntries(request.nextUrl.searchParams);
        refuseNulCharacters(fields, "query");
        query = validate(options.query, fields, "query");
      }
      return await handler({
        request,
        params,
        body: body as Output<TBodySchema>,
        query: query as Output<TQuerySchema>,
        bodyFormat,
      });
    } catch (error) {
      if (isAppError(error)) {
        return errorResponse(
          error.status,
          { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
          error.headers,
        );
      }
      if (isBlobStoreError(error)) {
        // The bucket or disk is down: worth a retry, and the log (not the client) gets the details.
        logger.error("Blob store unavailable", {
          method: request.method,
          path: request.nextUrl.pathname,
          error,
        });
        return errorResponse(503, {
          code: "service_unavailable",
          message: "Image storage is unavailable right now. Please try again.",
        });
      }
      if (isDatabaseUnavailable(error)) {
        logger.error("Database unavailable", {
          method: request.method,
          path: request.nextUrl.pathname,
          error,
        });
        return errorResponse(
          503,
          {
            code: "service_unavailable",
            message: "The database is unavailable right now. Please try again.",
          },
          { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
        );
      }
      if (isDiskFull(error)) {
        logger.error("Disk full: a write failed", {
          method: request.method,
          path: request.nextUrl.pathname,
          error,
        });
        return errorResponse(507, {
          code: "insufficient_storage",
          message: "The server's disk is full, so this change was not saved. Free some space and try again.",
        });
      }
      logger.error("Unhandled error in route", {
        method: request.method,
        path: request.nextUrl.pathname,
        error,
      });
      return errorResponse(500, {
        code: "internal_error",
        message: "Something went wrong on our side. Please try again.",
      });
    }
  };
}
