/** Isomorphic: every error code the API answers with, and its HTTP status (one table; lib/errors.ts throws them). */

export const APP_ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  /** The daily spending guard (PRISM_DAILY_BUDGET_USD) refused a run. */
  budget_exceeded: 402,
  forbidden: 403,
  not_found: 404,
  /** TRACE and methods no route serves (lib/server/node-http-hooks.ts). */
  method_not_allowed: 405,
  conflict: 409,
  /** The owner closed voting on a review link. */
  review_closed: 409,
  /** A cell already has a queued or running take: a rerun would pay for a second one. */
  take_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A Host Prism does not answer to (DNS rebinding; lib/security/allowed-hosts.ts). */
  misdirected_request: 421,
  invalid_input: 422,
  rate_limited: 429,
  service_unavailable: 503,
  /** The disk that stores images is full: new runs are refused until there is space. */
  insufficient_storage: 507,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;
