import { z } from "zod";
import { APP_ERROR_STATUS, type AppErrorCode } from "../error-codes";
import { componentSchemas, type JsonSchema, refOf, schemaRef } from "./components";
import {
  type OperationSpec,
  type ParameterSpec,
  type ResponseSpec,
  retryAfter,
  retryAfterUnavailable,
} from "./operation";
import { GALLERY_OPERATIONS } from "./gallery-operations";
import { LIBRARY_OPERATIONS } from "./library-operations";
import { PICK_OPERATIONS } from "./pick-operations";
import { SERVICE_OPERATIONS } from "./service-operations";
import { RUN_OPERATIONS } from "./run-operations";

/**
 * The OpenAPI 3.1 document of Prism's API (GET /api/openapi.json, the reference at /docs/api, the
 * typed client of lib/api/openapi-types.ts and the e2e contract checks are all made from it). Every
 * schema in it comes from lib/api's zod schemas; the drift test keeps its paths to app/api's routes.
 */

export const OPERATIONS: readonly OperationSpec[] = [
  ...RUN_OPERATIONS,
  ...LIBRARY_OPERATIONS,
  ...PICK_OPERATIONS,
  ...GALLERY_OPERATIONS,
  ...SERVICE_OPERATIONS,
];

/** The session cookie's name (lib/security/session-cookie.ts; the drift test checks they agree). */
export const SESSION_COOKIE_NAME = "prism_session";

const ERROR_MEANING: Partial<Record<AppErrorCode, string>> = {
  bad_request: "malformed JSON or header, or a path that is not valid percent-encoding",
  unauthorized: "no session and no valid bearer token (PRISM_ACCESS_TOKEN is set)",
  budget_exceeded: "the daily budget (PRISM_DAILY_BUDGET_USD) would be exceeded",
  forbidden: "a state-changing request sent by a page of another site",
  invalid_input: "`issues` names each invalid field",
  rate_limited: "too many requests from this client; `Retry-After` says when to try again",
  insufficient_storage: "the disk that stores images (or the database's) is full",
  service_unavailable: "starting, or the database or image storage is unavailable",
};

/** The codes every operation of this kind may answer with, besides its own. */
function commonErrors(operation: OperationSpec): AppErrorCode[] {
  const changes = operation.method !== "get";
  const codes: AppErrorCode[] = ["service_unavailable"];
  if (operation.access === "session") codes.push("unauthorized");
  if (changes && operation.crossOrigin !== "allow") codes.push("forbidden");
  if (changes) codes.push("insufficient_storage");
  if (operation.body)
    codes.push("bad_request", "payload_too_large", "unsupported_media_type", "invalid_input");
  if (operation.query || operation.path.includes("{")) codes.push("bad_request", "invalid_input");
  return codes;
}

function errorResponses(operation: OperationSpec): Record<string, JsonSchema> {
  const byStatus = new Map<number, Set<AppErrorCode>>();
  for (const code of [...commonErrors(operation), ...(operation.errors ?? [])]) {
    const status = APP_ERROR_STATUS[code];
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const list = [...codes];
    responses[status] = {
      description: list
        .map((code) => `\`${code}\`${ERROR_MEANING[code] ? `: ${ERROR_MEANING[code]}` : ""}`)
        .join("; "),
      ...(codes.has("rate_limited") ? { headers: headersOf(retryAfter) } : {}),
      ...(codes.has("service_unavailable") ? { headers: headersOf(retryAfterUnavailable) } : {}),
      content: {
        "application/json": {
          schema: {
            allOf: [schemaRef("ErrorEnvelope")],
            properties: { error: { properties: { code: { enum: list } } } },
          },
        },
      },
    };
  }
  responses[500] = {
    description:
      "`internal_error`: something unexpected; logged, and the message says nothing of the internals",
    content: { "application/json": { schema: schemaRef("ErrorEnvelope") } },
  };
  return responses;
}

function headersOf(headers: NonNullable<ResponseSpec["headers"]>): JsonSchema {
  return Object.fromEntries(
    Object.entries(headers).map(([name, { description, schema }]) => [
      name,
      { description, schema: schema ?? { type: "string" } },
    ]),
  );
}

function response(spec: ResponseSpec): JsonSchema {
  const content = {
    ...(spec.json ? { "application/json": { schema: refOf(spec.json) } } : {}),
    ...spec.content,
  };
  return {
    description: spec.description,
    ...(spec.headers ? { headers: headersOf(spec.headers) } : {}),
    ...(Object.keys(content).length > 0 ? { content } : {}),
  };
}

function queryParameters(query: z.ZodObject): JsonSchema[] {
  const schema = z.toJSONSchema(query, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: "query",
      required: schema.required?.includes(name) ?? false,
      schema: rest,
      ...(description ? { description } : {}),
    };
  });
}

function parameter({ name, in: location, description, schema, required }: ParameterSpec): JsonSchema {
  return {
    name,
    in: location,
    description,
    required: required ?? false,
    schema: schema ?? { type: "string" },
  };
}

function operationObject(operation: OperationSpec): JsonSchema {
  const parameters = [
    ...(operation.parameters ?? []).map(parameter),
    ...(operation.query ? queryParameters(operation.query) : []),
  ];
  const bodyContent = {
    ...(operation.body ? { "application/json": { schema: refOf(operation.body) } } : {}),
    ...operation.bodyContent,
  };
  const responses = Object.fromEntries(
    Object.entries(operation.responses).map(([status, spec]) => [status, response(spec)]),
  );
  return {
    operationId: operation.id,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    // Public operations need neither scheme; the others take either (the document's default).
    ...(operation.access === "public" ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(Object.keys(bodyContent).length > 0 ? { requestBody: { required: true, content: bodyContent } } : {}),
    responses: { ...responses, ...errorResponses(operation) },
  };
}

function paths(): JsonSchema {
  const result: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of OPERATIONS)
    (result[operation.path] ??= {})[operation.method] = operationObject(operation);
  return result;
}

const DESCRIPTION = `Prism's own API: the one the playground uses. Every answer that is not a file is JSON; every error is the envelope \`{ "error": { "code", "message", "issues"? } }\`.

**Signing in.** Without \`PRISM_ACCESS_TOKEN\` the API is open. With it, send \`Authorization: Bearer <token>\` (scripts), or the session cookie that \`POST /api/session\` sets (browsers). A wrong bearer token counts against the sign-in limit of 10 attempts a minute. Share links and this document are public.

**Any route** may also answer \`405 method_not_allowed\` (a method no route serves), \`421 misdirected_request\` (a Host Prism does not answer to: PRISM_ALLOWED_HOSTS) or \`400 bad_request\` (an unusable request target).`;

const TAGS: Record<string, string> = {
  Runs: "A run is a matrix: every prompt × every model configuration, one job per cell.",
  Jobs: "One cell's take: retry it, take another, cancel it, or see its native request.",
  Inputs: "Images to edit, given to every cell of a run.",
  Models: "The catalog, with each model's parameters as JSON Schema, and what today cost.",
  Images: "Stored images: star them, note them, compare them, download them.",
  Picks: "The picks board (every starred image across runs, ordered, exported) and the scorecard of models.",
  Galleries: "Share links: a public, read-only page of chosen images.",
  Reviews: "Share links that ask visitors to pick a favourite per prompt.",
  Session: "Signing in with the access token (browsers; scripts send a bearer token instead).",
  Operations: "Probes, stored files, provider callbacks and this document.",
};

let cached: JsonSchema | undefined;

/** The whole document; made once per process (it depends on the code only, not on the environment). */
export function openApiDocument(): JsonSchema {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Prism API",
      version: "1.0.0",
      description: DESCRIPTION,
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: "/", description: "This Prism" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths: paths(),
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "The value of PRISM_ACCESS_TOKEN." },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE_NAME,
          description: "Set by POST /api/session (what the browser uses).",
        },
      },
    },
  };
  return cached;
}
