import type { ApiIssue } from "@/lib/api/error-envelope";
import { errorBrand } from "@/lib/error-brand";

/** Errors the API reports on purpose. Anything else becomes a generic 500 (see lib/http/route-handler.ts). */

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

export interface AppErrorOptions {
  issues?: ApiIssue[];
  /** Extra response headers, e.g. Retry-After for rate_limited. */
  headers?: Record<string, string>;
}

/** An error whose code and message are safe to show to the client as they are. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues?: ApiIssue[];
  readonly headers?: Record<string, string>;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = options.issues;
    this.headers = options.headers;
    APP_ERROR.mark(this);
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

const APP_ERROR = errorBrand<AppError>("AppError");
/** Recognises an AppError from any copy of this module (lib/error-brand.ts); never use instanceof. */
export const isAppError = APP_ERROR.is;

/** Revoked and unknown galleries answer alike, so a slug's past cannot be probed. */
export const galleryNotFound = () => new AppError("not_found", "No gallery at this link");

/** Votes, results and reveal on a plain share link: 409, the link exists but asks for no picks. */
export const reviewOff = () => new AppError("conflict", "This link is not asking for picks");
