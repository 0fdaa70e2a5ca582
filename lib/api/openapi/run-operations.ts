import { createRunBodySchema, listRunsQuerySchema, readRunQuerySchema } from "../run-requests";
import { MAX_RUN_WAIT_SECONDS } from "../run-wait";
import {
  codeSnippetsViewSchema,
  createRunResponseSchema,
  jobResponseSchema,
  runListViewSchema,
  runViewSchema,
} from "../views";
import { attachmentHeaders, fileOf, idParameter, type OperationSpec, type ParameterSpec } from "./operation";

/** The runs and jobs routes, as the OpenAPI document describes them. */

const runId = idParameter("id", "The run's id.");
const jobId = idParameter("id", "The job's id.");

const idempotencyKey: ParameterSpec = {
  name: "Idempotency-Key",
  in: "header",
  description:
    "Makes a resend safe: a repeat from the same caller gets what the first request made (`422 invalid_input` naming the fields that differ when the same key comes with another request).",
  schema: { type: "string", maxLength: 200 },
};

const etag = { ETag: { description: "The run's version; send it back as `If-None-Match`." } };

/** How new paid work is admitted: rate limit (429 with Retry-After), daily budget (402), full disk (507). */
const ADMISSION_ERRORS = ["budget_exceeded", "rate_limited", "insufficient_storage"] as const;

export const RUN_OPERATIONS: OperationSpec[] = [
  {
    id: "createRun",
    method: "post",
    path: "/api/runs",
    tag: "Runs",
    summary: "Start a run: every prompt × every configuration",
    description:
      "One job per prompt × model configuration (1–12 prompts, 1–8 configurations, at most 48 jobs). Each configuration's `params` are validated with its model's own schema (components `ModelParams_*`), so a 422 names the exact field (`models.0.params.num_images`). `seed` locks one seed for every model that takes one.",
    access: "session",
    parameters: [idempotencyKey],
    body: createRunBodySchema,
    responses: { 202: { description: "Accepted: the jobs are queued.", json: createRunResponseSchema } },
    errors: [...ADMISSION_ERRORS],
  },
  {
    id: "listRuns",
    method: "get",
    path: "/api/runs",
    tag: "Runs",
    summary: "History, newest first",
    description:
      "`q` matches every word, in any order, across a run's prompts; `starred=true` keeps runs with a starred image.",
    access: "session",
    query: listRunsQuerySchema,
    responses: { 200: { description: "One page of runs.", json: runListViewSchema } },
  },
  {
    id: "getRun",
    method: "get",
    path: "/api/runs/{id}",
    tag: "Runs",
    summary: "One run with its jobs and stored images (ETag, long-poll)",
    description: `Reads the database only. Sends an \`ETag\`; \`If-None-Match\` with it gets \`304\` while nothing changed. With \`?wait=N\` (at most ${MAX_RUN_WAIT_SECONDS}) and \`If-None-Match\`, the answer is held until the run changes on any instance or N seconds pass (then \`304\`): long-poll this way until every job is \`succeeded\`, \`failed\` or \`canceled\`.`,
    access: "session",
    parameters: [
      runId,
      {
        name: "If-None-Match",
        in: "header",
        description: "The ETag of the copy the caller has.",
        schema: { type: "string" },
      },
    ],
    query: readRunQuerySchema,
    responses: {
      200: { description: "The run.", json: runViewSchema, headers: etag },
      304: { description: "Not modified: the copy named by `If-None-Match` is current.", headers: etag },
    },
    errors: ["not_found"],
  },
  {
    id: "deleteRun",
    method: "delete",
    path: "/api/runs/{id}",
    tag: "Runs",
    summary: "Delete a run and its stored files",
    description: "Galleries lose its images.",
    access: "session",
    parameters: [runId],
    responses: { 204: { description: "Deleted." } },
    errors: ["not_found"],
  },
  {
    id: "downloadRun",
    method: "get",
    path: "/api/runs/{id}/download",
    tag: "Runs",
    summary: "ZIP of the run's images, its contact sheet and manifest.json",
    description:
      "Of each cell, the images of the take that counts: the one chosen with `PUT /api/jobs/{id}/chosen-take`, else the newest succeeded one. Other takes are left out, as on the contact sheet and a share link of the run.",
    access: "session",
    parameters: [runId],
    responses: {
      200: { description: "The archive.", content: fileOf("application/zip"), headers: attachmentHeaders },
    },
    errors: ["not_found"],
  },
  {
    id: "getRunCode",
    method: "get",
    path: "/api/runs/{id}/code",
    tag: "Runs",
    summary: "The Prism request that starts this matrix again, as cURL, JavaScript and Python",
    access: "session",
    parameters: [runId],
    responses: { 200: { description: "Three snippets.", json: codeSnippetsViewSchema } },
    errors: ["not_found"],
  },
  {
    id: "getRunContactSheet",
    method: "get",
    path: "/api/runs/{id}/contact-sheet",
    tag: "Runs",
    summary: "The whole matrix as one PNG: prompts down, configurations across",
    access: "session",
    parameters: [runId],
    responses: {
      200: { description: "The contact sheet.", content: fileOf("image/png"), headers: attachmentHeaders },
    },
    errors: ["not_found"],
  },
  {
    id: "rerunJob",
    method: "post",
    path: "/api/jobs/{id}/rerun",
    tag: "Jobs",
    summary: "Retry a failed or canceled cell, or another take of a succeeded one",
    description:
      "A new queued job in the same cell, admitted like a new run. `409 take_in_progress` while any take of the cell is queued or running.",
    access: "session",
    parameters: [jobId, idempotencyKey],
    responses: { 202: { description: "The new take.", json: jobResponseSchema } },
    errors: ["not_found", "take_in_progress", ...ADMISSION_ERRORS, "invalid_input"],
  },
  {
    id: "cancelJob",
    method: "post",
    path: "/api/jobs/{id}/cancel",
    tag: "Jobs",
    summary: "Stop a queued or running cell",
    description: "A running one may still be billed. `409 conflict` once it has finished.",
    access: "session",
    parameters: [jobId],
    responses: { 200: { description: "The job, now canceled.", json: jobResponseSchema } },
    errors: ["not_found", "conflict"],
  },
  {
    id: "chooseTake",
    method: "put",
    path: "/api/jobs/{id}/chosen-take",
    tag: "Jobs",
    summary: "Use this take: make a succeeded take the one that counts for its cell",
    description:
      "The matrix, lightbox, contact sheet, share links of the run, its ZIP and its counts then use this take of the cell (the latest choice wins; where nobody chose, the newest succeeded take counts). No body. `409 conflict` for a take that has not succeeded.",
    access: "session",
    parameters: [jobId],
    responses: { 200: { description: "The take, with its `chosenAt`.", json: jobResponseSchema } },
    errors: ["not_found", "conflict"],
  },
  {
    id: "getJobCode",
    method: "get",
    path: "/api/jobs/{id}/code",
    tag: "Jobs",
    summary: "The native request the job sends its provider, as cURL, JavaScript and Python",
    access: "session",
    parameters: [jobId],
    responses: { 200: { description: "Three snippets.", json: codeSnippetsViewSchema } },
    errors: ["not_found"],
  },
];
