import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Settings } from "@/lib/env";

/** The credentials s3rver checks signatures against. */
const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface S3TestServer {
  /** Settings of a store on this server's bucket. */
  settings: S3Settings;
  /** The same as S3_* variables, for a server process. */
  env: Record<string, string>;
  /** The objects as files, as s3rver keeps them (for "nothing half-written" checks). */
  directory: string;
  close(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver) on loopback with one empty bucket, its data in a temporary
 * directory. `port` 0 picks a free one; a fixed port lets a test stop and restart it in place.
 */
export async function startS3TestServer(
  options: { port?: number; bucket?: string; directory?: string } = {},
): Promise<S3TestServer> {
  const bucket = options.bucket ?? "prism-test";
  const directory = options.directory ?? (await mkdtemp(path.join(os.tmpdir(), "prism-s3-")));
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    settings: {
      bucket,
      region: "us-east-1",
      endpoint,
      credentials: S3RVER_CREDENTIALS,
      forcePathStyle: true,
    },
    env: {
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    },
    directory,
    async close() {
      await server.close();
      if (!options.directory) await rm(directory, { recursive: true, force: true });
    },
  };
}
