import { errorBrand } from "@/lib/error-brand";
import { IMAGE_TYPES, type ImageContentType } from "./image-type";

/** Where image bytes live (local disk by default, an S3-compatible bucket for several instances). Keys are content addresses, so equal bytes are stored once. */
export interface BlobStore {
  /**
   * Stores bytes under "<first two hex of sha256>/<sha256>.<extension>" and returns that key and
   * the digest. Writing the same bytes again is a no-op. A reader never sees a partial blob.
   */
  put(bytes: Uint8Array, extension: string): Promise<{ key: string; sha256: string }>;
  /** A stream of the blob and its size, or null when the key is unknown or not a valid key. */
  get(key: string): Promise<{ stream: ReadableStream<Uint8Array>; byteSize: number } | null>;
  has(key: string): Promise<boolean>;
  /** Removes the blob; an unknown key is not an error. */
  delete(key: string): Promise<void>;
  /** A cheap check that a write would work now (stores that cannot tell leave it out). */
  health?(): Promise<StorageHealth>;
  /**
   * Every blob in the store, a page at a time, with when its bytes were last written; anything
   * that is not a blob key (temporary files, foreign objects) is left out.
   */
  list?(): AsyncIterable<StoredBlob[]>;
  /**
   * A URL anyone holding it may GET the blob at until `expiresAt` (a presigned URL of a bucket's
   * object), signed as at `now`; stores that cannot make one leave it out.
   */
  presignedUrl?(key: string, validity: { expiresAt: Date; now?: Date }): Promise<string>;
}

/** A blob as a listing of the store finds it. */
export interface StoredBlob {
  key: string;
  modifiedAt: Date;
}

/** Whether the store can take new images now; `reason` says why not, in words for a person. */
export interface StorageHealth {
  writable: boolean;
  reason?: string;
}

/**
 * The store itself failed (bucket unreachable, disk full...), as opposed to an unknown key. Worth
 * retrying later; the message names the store and the operation, never a credential. `reason` is
 * the cause in a few words ("disk full") that may be shown to the user.
 */
export class BlobStoreError extends Error {
  readonly reason: string;

  constructor(message: string, options?: { cause?: unknown; reason?: string }) {
    super(message, options);
    this.name = "BlobStoreError";
    this.reason = options?.reason ?? "storage unavailable";
    BLOB_STORE_ERROR.mark(this);
  }
}

const BLOB_STORE_ERROR = errorBrand<BlobStoreError>("BlobStoreError");
/** Recognises a BlobStoreError from any copy of this module (lib/error-brand.ts); never use instanceof. */
export const isBlobStoreError = BLOB_STORE_ERROR.is;

export type BlobExtension = (typeof IMAGE_TYPES)[ImageContentType];

/** Extension → content type: the image-type table read backwards. */
export const BLOB_CONTENT_TYPES = Object.fromEntries(
  Object.entries(IMAGE_TYPES).map(([contentType, extension]) => [extension, contentType]),
) as Record<BlobExtension, ImageContentType>;

/** The only shape a key may take, which also rules out path traversal. */
const BLOB_KEY = new RegExp(`^([0-9a-f]{2})/\\1[0-9a-f]{62}\\.(${Object.values(IMAGE_TYPES).join("|")})$`);

export function isBlobKey(key: string): boolean {
  return BLOB_KEY.test(key);
}

export function blobKeyFor(sha256: string, extension: string): string {
  return `${sha256.slice(0, 2)}/${sha256}.${extension}`;
}

export function contentTypeOfBlobKey(key: string): string | null {
  const match = BLOB_KEY.exec(key);
  return match ? BLOB_CONTENT_TYPES[match[2] as BlobExtension] : null;
}
