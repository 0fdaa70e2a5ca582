import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blobKeyFor, type BlobStore } from "@/lib/storage/blob-store";

export const bytesOf = async (stream: ReadableStream<Uint8Array>) =>
  Buffer.from(await new Response(stream).arrayBuffer());

/** What every BlobStore must do, run against each implementation by its own test file. */
export function describeBlobStoreContract(name: string, store: () => BlobStore): void {
  describe(`${name}: the BlobStore contract`, () => {
    it("stores bytes under their sha256 and reads them back as a stream", async () => {
      const bytes = Buffer.from(`fake png bytes ${name}`);
      const { key, sha256 } = await store().put(bytes, "png");

      expect(sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(key).toBe(blobKeyFor(sha256, "png"));
      const blob = await store().get(key);
      expect(blob?.byteSize).toBe(bytes.length);
      expect(await bytesOf(blob!.stream)).toEqual(bytes);
      expect(await store().has(key)).toBe(true);
    });

    it("stores the same bytes under one key, even when written concurrently", async () => {
      const bytes = Buffer.alloc(256 * 1024, 7);
      const results = await Promise.all(Array.from({ length: 8 }, () => store().put(bytes, "webp")));

      expect(new Set(results.map((result) => result.key)).size).toBe(1);
      expect(await bytesOf((await store().get(results[0]!.key))!.stream)).toEqual(bytes);
    });

    it("refuses keys that are not content addresses, including traversal attempts", async () => {
      for (const key of [
        "../etc/passwd",
        "ab/../../secret.png",
        "zz/zz.png",
        `ab/${"a".repeat(64)}.png`,
        "",
      ]) {
        expect(await store().get(key)).toBeNull();
        expect(await store().has(key)).toBe(false);
      }
    });

    it("returns null for an unknown key and deletes idempotently", async () => {
      const { key } = await store().put(Buffer.from(`x ${name}`), "png");
      await store().delete(key);
      await store().delete(key);
      expect(await store().get(key)).toBeNull();
      expect(await store().has(key)).toBe(false);
      expect(await store().get(blobKeyFor("ab".repeat(32), "jpg"))).toBeNull();
    });
  });
}
