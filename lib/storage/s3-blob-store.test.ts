import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeBlobStoreContract } from "@/lib/testing/blob-store-contract";
import { startS3TestServer, type S3TestServer } from "@/lib/testing/s3-test-server";
import { BlobStoreError, blobKeyFor } from "./blob-store";
import { createS3BlobStore } from "./s3-blob-store";

let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3TestServer();
});
afterAll(() => s3.close());

describeBlobStoreContract("S3", () => createS3BlobStore(s3.settings));

/** A port nothing listens on: a server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("S3 blob store", () => {
  it("fails with an error naming the bucket, endpoint, operation and cause when the server is down", async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const store = createS3BlobStore({ ...s3.settings, endpoint });
    const key = blobKeyFor("cd".repeat(32), "png");

    const error = await store.put(Buffer.from("bytes"), "png").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BlobStoreError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Object storage \\(bucket "prism-test" at ${endpoint}\\) could not store [0-9a-f/]+\\.png: ECONNREFUSED$`,
      ),
    );
    expect((error as Error).message).not.toContain("S3RVER");
    await expect(store.get(key)).rejects.toThrow(/could not read .* ECONNREFUSED/);
    await expect(store.has(key)).rejects.toBeInstanceOf(BlobStoreError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(BlobStoreError);
    expect(await store.health!()).toEqual({ writable: false, reason: "bucket unreachable: ECONNREFUSED" });
  });

  it("reports the bucket writable while it answers", async () => {
    expect(await createS3BlobStore(s3.settings).health!()).toEqual({ writable: true });
  });
});
