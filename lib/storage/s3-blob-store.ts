import "server-only";
import { createHash } from "node:crypto";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ServiceException,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import {
  BLOB_CONTENT_TYPES,
  BlobStoreError,
  blobKeyFor,
  isBlobKey,
  type BlobExtension,
  type BlobStore,
  type StoredBlob,
} from "./blob-store";
import type { S3Settings } from "@/lib/env";

/** Fail fast when the bucket is unreachable: a job retries later rather than hang a runner slot. */
const CONNECTION_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS = 2;
/** The longest a SigV4 presigned URL may be valid: a week. */
const MAX_PRESIGNED_SECONDS = 7 * 24 * 60 * 60;
/** A health probe answers quickly or the bucket counts as down: probes must not pile up. */
const HEALTH_TIMEOUT_MS = 2_000;

/**
 * An answer from the service (S3ServiceException), recognised by its shape, as the SDK may be
 * loaded twice too: it has a fault side; a network error (which also gets $metadata) has none.
 */
function isServiceError(error: unknown): error is Pick<S3ServiceException, "name" | "$metadata"> {
  const { $fault, $metadata } = (error ?? {}) as { $fault?: unknown; $metadata?: unknown };
  return error instanceof Error && typeof $fault === "string" && typeof $metadata === "object";
}

function isNotFound(error: unknown): boolean {
  return (
    isServiceError(error) &&
    (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404)
  );
}

/** The reason in a few words: a network code (ECONNREFUSED) or the service's error name. */
function reasonOf(error: unknown): string {
  if (isServiceError(error)) return `${error.name} (HTTP ${error.$metadata.httpStatusCode})`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * Blobs as objects in an S3-compatible bucket, so every instance serves every image. A PUT is
 * atomic (an object appears whole or not at all) and carries a Content-MD5 the server checks, so a
 * dropped upload never leaves a truncated blob under a real key. The bucket stays private: images
 * are served through /api/files like local ones.
 */
export function createS3BlobStore(settings: S3Settings): BlobStore {
  // The SDK warns once per process that future releases will drop Node 20. Only that warning is
  // silenced, through the SDK's own switch, and only when the operator has not decided otherwise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    credentials: settings.credentials,
    forcePathStyle: settings.forcePathStyle,
    maxAttempts: MAX_ATTEMPTS,
    // Newer SDKs add CRC checksums many S3-compatible servers reject; Content-MD5 covers integrity.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  });
  const where = `bucket "${settings.bucket}"${settings.endpoint ? ` at ${settings.endpoint}` : ""}`;
  const failure = (operation: string, key: string, error: unknown) =>
    new BlobStoreError(`Object storage (${where}) could not ${operation} ${key}: ${reasonOf(error)}`, {
      cause: error,
    });
  const object = (key: string) => ({ Bucket: settings.bucket, Key: key });

  async function has(key: string): Promise<boolean> {
    if (!isBlobKey(key)) return false;
    try {
      await client.send(new HeadObjectCommand(object(key)));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw failure("check", key, error);
    }
  }

  return {
    async put(bytes, extension) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const key = blobKeyFor(sha256, extension);
      if (!isBlobKey(key)) throw new Error(`Unsupported blob extension: ${extension}`);
      try {
        // Rewriting equal bytes under their own address is harmless, and cheaper than a HEAD first.
        await client.send(
          new PutObjectCommand({
            ...object(key),
            Body: bytes,
            ContentLength: bytes.byteLength,
            ContentMD5: createHash("md5").update(bytes).digest("base64"),
            ContentType: BLOB_CONTENT_TYPES[extension as BlobExtension],
          }),
        );
      } catch (error) {
        throw failure("store", key, error);
      }
      return { key, sha256 };
    },

    async get(key) {
      if (!isBlobKey(key)) return null;
      try {
        const response = await client.send(new GetObjectCommand(object(key)));
        if (!response.Body) return null;
        return {
          stream: response.Body.transformToWebStream() as ReadableStream<Uint8Array>,
          byteSize: response.ContentLength ?? 0,
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw failure("read", key, error);
      }
    },

    has,

    async delete(key) {
      if (!isBlobKey(key)) return;
      try {
        await client.send(new DeleteObjectCommand(object(key)));
      } catch (error) {
        if (!isNotFound(error)) throw failure("delete", key, error);
      }
    },

    /** Signed locally with the store's credentials: no request to the bucket. */
    async presignedUrl(key, { expiresAt, now = new Date() }) {
      if (!isBlobKey(key)) throw new Error(`Not a blob key: ${key}`);
      const seconds = Math.ceil((expiresAt.getTime() - now.getTime()) / 1000);
      return getSignedUrl(client, new GetObjectCommand(object(key)), {
        expiresIn: Math.min(MAX_PRESIGNED_SECONDS, Math.max(1, seconds)),
        signingDate: now,
      });
    },

    /** The bucket's objects a page (up to 1,000) at a time, as ListObjectsV2 returns them. */
    async *list() {
      let token: string | undefined;
      do {
        const page = await client
          .send(new ListObjectsV2Command({ Bucket: settings.bucket, ContinuationToken: token }))
          .catch((error: unknown) => {
            throw failure("list", "its objects", error);
          });
        const blobs: StoredBlob[] = (page.Contents ?? []).flatMap(({ Key, LastModified }) =>
          Key && LastModified && isBlobKey(Key) ? [{ key: Key, modifiedAt: LastModified }] : [],
        );
        if (blobs.length > 0) yield blobs;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    /** One HEAD of the bucket: refused, timed out or denied means no new image could be stored. */
    async health() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: settings.bucket }), {
          abortSignal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
        });
        return { writable: true };
      } catch (error) {
        return { writable: false, reason: `bucket unreachable: ${reasonOf(error)}` };
      }
    },
  };
}
