import { signInBodySchema } from "../session-requests";
import {
  callbackResponseSchema,
  healthViewSchema,
  readyViewSchema,
  sessionViewSchema,
  signInResponseSchema,
} from "../status-views";
import { fileOf, idParameter, type OperationSpec } from "./operation";

/** The session, probes, files, callbacks and this document, as the OpenAPI document describes them. */

export const SERVICE_OPERATIONS: OperationSpec[] = [
  {
    id: "getSession",
    method: "get",
    path: "/api/session",
    tag: "Session",
    summary: "Whether access control is on and this caller is signed in",
    access: "public",
    responses: { 200: { description: "The session.", json: sessionViewSchema } },
  },
  {
    id: "signIn",
    method: "post",
    path: "/api/session",
    tag: "Session",
    summary: "Sign in with the access token: JSON { token } or the /sign-in form",
    description:
      "JSON gets `200` and the session cookie; the form gets `303` to `next`. At most 10 attempts a minute per client; a wrong bearer token counts as one.",
    access: "public",
    body: signInBodySchema,
    bodyContent: {
      "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/SignInBody" } },
    },
    responses: {
      200: {
        description: "Signed in.",
        json: signInResponseSchema,
        headers: { "Set-Cookie": { description: "The session cookie." } },
      },
      303: {
        description: "The form: on to `next`, or back to /sign-in with `error=1`.",
        headers: { Location: { description: "Where to go." } },
      },
    },
    errors: ["unauthorized", "rate_limited"],
  },
  {
    id: "signOut",
    method: "delete",
    path: "/api/session",
    tag: "Session",
    summary: "Sign out",
    access: "public",
    responses: { 204: { description: "The session cookie is cleared." } },
  },
  {
    id: "getHealth",
    method: "get",
    path: "/api/health",
    tag: "Operations",
    summary: "Liveness: 200 once the database is open and migrated",
    access: "public",
    responses: { 200: { description: "Alive.", json: healthViewSchema } },
  },
  {
    id: "getReady",
    method: "get",
    path: "/api/ready",
    tag: "Operations",
    summary: "Readiness for load balancers: 200 while the database answers a real query",
    access: "public",
    responses: { 200: { description: "Ready.", json: readyViewSchema } },
  },
  {
    id: "getFile",
    method: "get",
    path: "/api/files/{key}",
    tag: "Operations",
    summary: "A stored image or thumbnail; content-addressed, cacheable forever",
    access: "public",
    parameters: [
      { ...idParameter("key", "The blob key (it contains slashes)."), schema: { type: "string" } },
    ],
    responses: { 200: { description: "The bytes.", content: fileOf("image/*") } },
    errors: ["not_found"],
  },
  {
    id: "providerCallback",
    method: "post",
    path: "/api/callbacks/{token}",
    tag: "Operations",
    summary: "A provider hints that a job changed; the runner polls it now (the body is never read)",
    access: "public",
    crossOrigin: "allow",
    parameters: [idParameter("token", "The job's callback token.")],
    responses: { 200: { description: "Known.", json: callbackResponseSchema } },
    errors: ["not_found"],
  },
  {
    id: "getRefusal",
    method: "get",
    path: "/api/refused",
    tag: "Operations",
    summary:
      "Internal: where requests Next cannot serve are sent (unserved methods, undecodable paths, unknown hosts)",
    access: "public",
    responses: {},
    errors: ["bad_request", "not_found", "method_not_allowed", "misdirected_request"],
  },
  {
    id: "getOpenApiDocument",
    method: "get",
    path: "/api/openapi.json",
    tag: "Operations",
    summary: "This document",
    access: "public",
    responses: {
      200: { description: "OpenAPI 3.1.", content: { "application/json": { schema: { type: "object" } } } },
    },
  },
];
