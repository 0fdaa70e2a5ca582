import type { ApiIssue, ErrorEnvelope } from "@/lib/api/error-envelope";

/** An error the API answered with its envelope, or a network failure (`code: "network_error"`). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: ApiIssue[];

  constructor(code: string, message: string, issues: ApiIssue[] = [], status = 0) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

/** What to tell a person: the message, and for refused input what is wrong with each field. */
export function errorText(error: Error): string {
  const issues = error instanceof ApiError ? error.issues.map((issue) => issue.message) : [];
  return issues.length > 0 ? `${error.message}: ${issues.join("; ")}` : error.message;
}

function isEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function send(path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(path, {
      ...init,
      headers: {
        accept: "application/json",
        // A FormData body carries its own multipart boundary.
        ...(init?.body && !(init.body instanceof FormData) ? { "content-type": "application/json" } : {}),
        ...init?.headers,
      },
    });
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw new ApiError("network_error", "Could not reach the Prism server. Check that it is running.");
  }
}

function failure(response: Response, body: unknown): ApiError {
  if (isEnvelope(body)) {
    return new ApiError(body.error.code, body.error.message, body.error.issues ?? [], response.status);
  }
  return new ApiError(
    "http_error",
    `The server answered ${response.status} ${response.statusText}`.trim(),
    [],
    response.status,
  );
}

/** Fetches JSON from the app's own API; any non-2xx answer becomes an `ApiError`. */
export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await send(path, init);
  const body = await readJson(response);
  if (response.ok) return body as T;
  throw failure(response, body);
}

/** A conditional GET: `unchanged` when the server's copy still has this ETag (304). */
export async function apiGetIfChanged<T>(
  path: string,
  etag: string | null,
  signal?: AbortSignal,
): Promise<{ unchanged: true } | { unchanged: false; data: T; etag: string | null }> {
  const response = await send(path, { signal, headers: etag ? { "if-none-match": etag } : {} });
  if (response.status === 304) return { unchanged: true };
  const body = await readJson(response);
  if (response.ok) return { unchanged: false, data: body as T, etag: response.headers.get("etag") };
  throw failure(response, body);
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => apiFetch<T>(path, { signal });

export const apiPost = <T>(path: string, body: unknown, headers?: Record<string, string>) =>
  apiFetch<T>(path, { method: "POST", body: JSON.stringify(body), headers });

/** POSTs a multipart form (an upload); the browser sets its Content-Type with the boundary. */
export const apiPostForm = <T>(path: string, form: FormData) =>
  apiFetch<T>(path, { method: "POST", body: form });

export const apiPatch = <T>(path: string, body: unknown) =>
  apiFetch<T>(path, { method: "PATCH", body: JSON.stringify(body) });

export const apiPut = <T>(path: string, body: unknown) =>
  apiFetch<T>(path, { method: "PUT", body: JSON.stringify(body) });

export const apiDelete = (path: string) => apiFetch<unknown>(path, { method: "DELETE" });
