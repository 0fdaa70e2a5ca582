import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { ApiIssue, ErrorEnvelope } from "@/lib/api/error-envelope";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { hasSession, SIGN_IN_MESSAGE } from "@/lib/security/access-control";

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<TParams, TBody, TQuery> {
  request: NextRequest;
  /** Dynamic segments, already awaited. */
  params: TParams;
  /** The JSON body after validation (undefined when the route declares no body schema). */
  body: TBody;
  /** The search params after validation (undefined when the route declares no query schema). */
  query: TQuery;
}

/**
 * Who may call a route: everyone, or (when PRISM_ACCESS_TOKEN is set) only a signed-in browser.
 * Declared on every route export; route-handler-coverage.test.ts fails on one that does not.
 */
export type RouteAccess = "public" | "session";

export interface RouteOptions<TBodySchema, TQuerySchema> {
  access: RouteAccess;
  body?: TBodySchema;
  /** Validated against Object.fromEntries(searchParams). */
  query?: TQuerySchema;
  maxBodyBytes?: number;
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

async function readJson(request: NextRequest, maxBytes: number): Promise<unknown> {
  if (Number(request.headers.get("content-length")) > maxBytes) {
    throw new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes`);
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) {
    throw new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body must be valid JSON");
  }
}

/**
 * Wraps every route export: checks the access it declares, reads and validates the JSON body and
 * query, and turns errors into the one envelope: AppError → its status (lib/errors.ts), zod failures → 422 with one issue per field,
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
      // The only access check API routes get: proxy.ts leaves them out, as it would cost every call.
      if (options.access === "session" && !hasSession(request)) {
        throw new AppError("unauthorized", SIGN_IN_MESSAGE);
      }
      const params = await context.params;
      const body = options.body
        ? validate(
            options.body,
            await readJson(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
            "request body",
          )
        : undefined;
      const query = options.query
        ? validate(options.query, Object.fromEntries(request.nextUrl.searchParams), "query")
        : undefined;
      return await handler({
        request,
        params,
        body: body as Output<TBodySchema>,
        query: query as Output<TQuerySchema>,
      });
    } catch (error) {
      if (error instanceof AppError) {
        return errorResponse(
          error.status,
          { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
          error.headers,
        );
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
