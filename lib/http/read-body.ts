import "server-only";
import { AppError } from "@/lib/errors";

export type BodyFormat = "json" | "form";

const MEDIA_TYPES: Record<BodyFormat, string> = {
  json: "application/json",
  form: "application/x-www-form-urlencoded",
};

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes`);
}

/**
 * Which of the accepted formats the body declares, else 415. A JSON route that took text/plain
 * would take what an HTML form on any site can send without a CORS preflight.
 */
export function bodyFormatOf(request: Request, accepted: readonly BodyFormat[]): BodyFormat {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const format = accepted.find((candidate) => MEDIA_TYPES[candidate] === mediaType);
  if (format) return format;
  const expected = accepted.map((candidate) => MEDIA_TYPES[candidate]).join(" or ");
  throw new AppError("unsupported_media_type", `Send the request body as ${expected} (Content-Type)`);
}

/**
 * The body's bytes, counted as they arrive: past `maxBytes` it stops reading and answers 413, so a
 * chunked upload without Content-Length cannot fill memory. A declared length over the limit is
 * refused before anything is read.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** The body as a plain object of fields: JSON (malformed → 400) or a urlencoded form. */
export async function readBody(request: Request, format: BodyFormat, maxBytes: number): Promise<unknown> {
  const text = (await readBodyBytes(request, maxBytes)).toString("utf8");
  if (format === "form") return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body must be valid JSON");
  }
}
