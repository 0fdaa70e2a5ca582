import "server-only";
import { open, rm, type FileHandle } from "node:fs/promises";
import { MAX_INPUT_UPLOAD_BYTES } from "@/lib/api/input-requests";
import { AppError } from "@/lib/errors";
import { temporaryUploadPath } from "./upload-files";

/** An upload on disk, in a private temporary file; `discard()` removes it (call it in every case). */
export interface ReceivedUpload {
  path: string;
  byteSize: number;
  discard(): Promise<void>;
}

/** Multipart bodies carry headers and boundaries besides the file: this much slack over the cap. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
const MAX_PART_HEADER_BYTES = 16 * 1024;

const tooLarge = () =>
  new AppError("payload_too_large", `The image is larger than ${MAX_INPUT_UPLOAD_BYTES / 1024 / 1024} MB`);

/** Receives an upload whose body is the image itself (Content-Type: image/…). */
export function receiveRawUpload(request: Request): Promise<ReceivedUpload> {
  return receive(request, MAX_INPUT_UPLOAD_BYTES, (chunk, sink) => sink(chunk));
}

/** Receives the `file` field of a multipart/form-data upload, streaming only that part to disk. */
export function receiveMultipartUpload(request: Request, boundary: string): Promise<ReceivedUpload> {
  const parser = new MultipartFileParser(boundary);
  return receive(request, MAX_INPUT_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES, (chunk, sink) =>
    parser.push(chunk, sink),
  ).then((upload) => {
    if (!parser.sawFile) {
      void upload.discard();
      throw new AppError("bad_request", "The multipart body has no field named file");
    }
    return upload;
  });
}

type Sink = (bytes: Uint8Array) => Promise<void>;

/**
 * Streams the body through `handle` into a temporary file, counting both what arrives (bounded by
 * `maxBodyBytes`) and what is kept (bounded by the upload cap): past either, 413 and nothing kept.
 */
async function receive(
  request: Request,
  maxBodyBytes: number,
  handle: (chunk: Uint8Array, sink: Sink) => Promise<void>,
): Promise<ReceivedUpload> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBodyBytes) throw tooLarge();
  const filePath = await temporaryUploadPath();
  const discard = () => rm(filePath, { force: true });
  let file: FileHandle | undefined;
  let kept = 0;
  let received = 0;
  const reader = request.body?.getReader();
  try {
    file = await open(filePath, "wx", 0o600);
    const target = file;
    const sink: Sink = async (bytes) => {
      kept += bytes.byteLength;
      if (kept > MAX_INPUT_UPLOAD_BYTES) throw tooLarge();
      await target.write(bytes);
    };
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      received += next.value.byteLength;
      if (received > maxBodyBytes) throw tooLarge();
      await handle(next.value, sink);
    }
    await file.close();
    file = undefined;
    return { path: filePath, byteSize: kept, discard };
  } catch (error) {
    await reader?.cancel().catch(() => undefined);
    await file?.close().catch(() => undefined);
    await discard();
    throw error;
  }
}

/**
 * A streaming multipart/form-data reader that keeps only the part named "file": parts are split
 * at "\r\n--boundary", holding back just enough bytes to recognise a delimiter cut between chunks.
 */
class MultipartFileParser {
  private readonly delimiter: Buffer;
  // Starting with CRLF lets the first boundary match like every later one.
  private buffer = Buffer.from("\r\n");
  private state: "body" | "after-delimiter" | "headers" | "end" = "body";
  private inFile = false;
  sawFile = false;

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  async push(chunk: Uint8Array, sink: Sink): Promise<void> {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.state === "end") return;
      if (this.state === "body") {
        const at = this.buffer.indexOf(this.delimiter);
        const safe = at === -1 ? Math.max(0, this.buffer.length - this.delimiter.length + 1) : at;
        if (this.inFile && safe > 0) await sink(this.buffer.subarray(0, safe));
        if (at === -1) {
          this.buffer = this.buffer.subarray(safe);
          return;
        }
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        if (this.inFile) this.state = "end";
        else this.state = "after-delimiter";
        this.inFile = false;
      } else if (this.state === "after-delimiter") {
        if (this.buffer.length < 2) return;
        if (this.buffer.subarray(0, 2).toString() === "--") {
          this.state = "end";
          return;
        }
        this.buffer = this.buffer.subarray(2);
        this.state = "headers";
      } else {
        const end = this.buffer.indexOf("\r\n\r\n");
        if (end === -1) {
          if (this.buffer.length > MAX_PART_HEADER_BYTES)
            throw new AppError("bad_request", "A multipart part's headers are too long");
          return;
        }
        const headers = this.buffer.subarray(0, end).toString("utf8");
        this.buffer = this.buffer.subarray(end + 4);
        this.inFile = !this.sawFile && /content-disposition:[^\r\n]*\bname="file"/i.test(headers);
        if (this.inFile) this.sawFile = true;
        this.state = "body";
      }
    }
  }
}
