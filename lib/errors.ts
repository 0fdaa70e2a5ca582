import type { ApiIssue } from "@/lib/api/error-envelope";
import { APP_ERROR_STATUS, type AppErrorCode } from "@/lib/api/error-codes";
import { errorBrand } from "@/lib/error-brand";

export { APP_ERROR_STATUS, type AppErrorCode } from "@/lib/api/error-codes";

/** Errors the API reports on purpose. Anything else becomes a generic 500 (see lib/http/route-handler.ts). */

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

export const reviewClosed = () =>
  new AppError("review_closed", "Voting on this review is closed: the owner is no longer taking picks");

/** Votes, results and reveal on a plain share link: 409, the link exists but asks for no picks. */
export const reviewOff = () => new AppError("conflict", "This link is not asking for picks");
