import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { openApiDocument } from "../api/openapi/document";

/**
 * The published document as a contract: every answer the e2e API client (app-client.ts, e2e/support)
 * receives is checked against the document's schema for its route and status, so the whole e2e suite
 * also tests that the document says what the server does.
 */

interface Operation {
  responses: Record<string, { content?: Record<string, unknown> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const DOCUMENT_ID = "prism-openapi.json";
const pointer = (...parts: string[]) =>
  parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();
const routes = Object.keys((openApiDocument() as Document).paths).map((template) => ({
  template,
  // {key} of /api/files/{key} holds slashes; every other parameter is one segment.
  pattern: new RegExp(
    `^${template.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_, name) => (name === "key" ? "(.+)" : "([^/]+)"))}$`,
  ),
}));

/** The path template of a concrete path, e.g. /api/runs/{id} for /api/runs/abc. */
export function routeTemplate(pathname: string): string | undefined {
  return routes.find(({ pattern }) => pattern.test(pathname))?.template;
}

function validatorFor(template: string, method: string, status: string): ValidateFunction {
  const at = `${DOCUMENT_ID}#/${pointer("paths", template, method, "responses", status, "content", "application/json", "schema")}`;
  let validate = validators.get(at);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema(openApiDocument(), DOCUMENT_ID);
    }
    validate = ajv.compile({ $ref: at });
    validators.set(at, validate);
  }
  return validate;
}

/**
 * Why an answer breaks the document (undefined when it does not): an undocumented route, method or
 * status, or a JSON body its schema refuses. `body` is the parsed JSON, undefined for other bodies.
 */
export function contractViolation(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string | undefined {
  const { pathname } = new URL(url, "http://prism.invalid");
  const template = routeTemplate(pathname);
  const verb = method.toLowerCase();
  const operation = template && (openApiDocument() as Document).paths[template]?.[verb];
  if (!template || !operation) return `${method} ${pathname} is not in the OpenAPI document`;
  const response = operation.responses[String(status)];
  if (!response) return `${method} ${template} answered ${status}, which the document does not list`;
  const isJson = contentType?.split(";")[0]?.trim() === "application/json";
  if (!isJson) return undefined;
  if (!response.content?.["application/json"])
    return `${method} ${template} ${status} answered JSON, which the document does not say`;
  const validate = validatorFor(template, verb, String(status));
  if (validate(body)) return undefined;
  const problems = (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
  return `${method} ${template} ${status} does not match the document: ${problems.slice(0, 5).join("; ")}`;
}

/** Throws when the answer breaks the document. */
export function assertMatchesContract(...args: Parameters<typeof contractViolation>): void {
  const violation = contractViolation(...args);
  if (violation) throw new Error(violation);
}
