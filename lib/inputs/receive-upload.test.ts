import { readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_INPUT_UPLOAD_BYTES } from "@/lib/api/input-requests";
import { pngImage } from "@/lib/testing/test-images";
import { receiveMultipartUpload, receiveRawUpload } from "./receive-upload";

const uploads = () => readdir(path.join(os.tmpdir(), "prism-inputs")).catch(() => []);

/** A body that arrives in small chunks, with no Content-Length. */
function chunked(bytes: Uint8Array, size = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, (offset += size)));
    },
  });
}

const post = (body: BodyInit, headers: Record<string, string>) =>
  new Request("http://prism.test/api/inputs", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

describe("receiving an upload", () => {
  it("streams a raw body to a temporary file", async () => {
    const png = await pngImage(300, 200);
    const upload = await receiveRawUpload(post(chunked(png, 1000), { "content-type": "image/png" }));
    expect(await readFile(upload.path)).toEqual(png);
    await upload.discard();
  });

  it("stops at 10 MB with 413 and keeps nothing, with or without Content-Length", async () => {
    const before = (await uploads()).length;
    const oversized = new Uint8Array(MAX_INPUT_UPLOAD_BYTES + 1);
    await expect(
      receiveRawUpload(post(chunked(oversized), { "content-type": "image/png" })),
    ).rejects.toMatchObject({
      status: 413,
    });
    await expect(
      receiveRawUpload(
        post(chunked(new Uint8Array(10)), {
          "content-type": "image/png",
          "content-length": String(oversized.length),
        }),
      ),
    ).rejects.toMatchObject({ status: 413 });
    expect((await uploads()).length).toBe(before);
  });

  it("keeps only multipart field file, exactly, however the chunks fall", async () => {
    const png = await pngImage(320, 240, 7);
    const form = new FormData();
    form.append("note", "not this");
    form.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "photo.png");
    form.append("after", "nor this");
    const encoded = new Request("http://prism.test", { method: "POST", body: form });
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const contentType = encoded.headers.get("content-type")!;
    const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
    for (const size of [7, 100, 4096]) {
      const upload = await receiveMultipartUpload(
        post(chunked(bytes, size), { "content-type": contentType }),
        boundary,
      );
      expect(await readFile(upload.path)).toEqual(png);
      await upload.discard();
    }
  });

  it("refuses a multipart body without a file field", async () => {
    const form = new FormData();
    form.append("other", "x");
    const encoded = new Request("http://prism.test", { method: "POST", body: form });
    const contentType = encoded.headers.get("content-type")!;
    const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
    await expect(
      receiveMultipartUpload(post(encoded.body!, { "content-type": contentType }), boundary),
    ).rejects.toMatchObject({ status: 400 });
  });
});
