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

    it("lists every blob with when it was written, and nothing gone", async () => {
      const listed = async () => {
        const found = new Map<string, Date>();
        for await (const page of store().list!())
          for (const blob of page) found.set(blob.key, blob.modifiedAt);
        return found;
      };
      const kept = await store().put(Buffer.from(`listed ${name}`), "png");
      const removed = await store().put(Buffer.from(`listed then removed ${name}`), "webp");
      await store().delete(removed.key);

      const found = await listed();
      expect(found.get(kept.key)).toBeInstanceOf(Date);
      expect(found.has(removed.key)).toBe(false);
      expect([...found.keys()].every((key) => /^[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z]+$/.test(key))).toBe(true);
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
