import { expect, test } from "../support/contract-test";
import sharp from "sharp";
import { declaredHugePng, hasGpsTag, NOT_IMAGES, pngWithGps } from "../../lib/testing/input-images";

// POST /api/inputs over HTTP: each refusal in the error envelope, and a stored input free of metadata.

test("an uploaded PNG is stored without its GPS tag; the same picture by multipart is the same input", async ({
  request,
}) => {
  const png = await pngWithGps();
  expect(hasGpsTag((await sharp(png).metadata()).exif)).toBe(true);
  const raw = await request.post("/api/inputs", { data: png, headers: { "content-type": "image/png" } });
  expect(raw.status()).toBe(201);
  const { input } = await raw.json();
  expect(input).toMatchObject({ width: 200, height: 150, contentType: "image/png" });
  const stored = await request.get(input.url);
  expect((await sharp(await stored.body()).metadata()).exif).toBeUndefined();
  const multipart = await request.post("/api/inputs", {
    multipart: { file: { name: "photo.png", mimeType: "image/png", buffer: png } },
  });
  expect(multipart.status()).toBe(201);
  expect((await multipart.json()).input.id).toBe(input.id);
});

test("refusals: 413 over 10 MB, 415 naming an HTML page, 422 for a PNG bomb, 422 naming inputs.0", async ({
  request,
}) => {
  const big = await request.post("/api/inputs", {
    data: Buffer.alloc(10 * 1024 * 1024 + 1),
    headers: { "content-type": "image/png" },
  });
  expect(big.status()).toBe(413);
  const html = await request.post("/api/inputs", {
    multipart: { file: { name: "cat.png", mimeType: "image/png", buffer: NOT_IMAGES.html } },
  });
  expect(html.status()).toBe(415);
  expect((await html.json()).error.message).toContain("an HTML page");
  const bomb = await request.post("/api/inputs", {
    data: declaredHugePng(),
    headers: { "content-type": "image/png" },
  });
  expect(bomb.status()).toBe(422);
  const run = await request.post("/api/runs", {
    data: { prompt: "make it blue", models: [{ modelId: "dashscope/z-image-turbo" }], inputs: ["missing"] },
  });
  expect(run.status()).toBe(422);
  expect((await run.json()).error.issues).toEqual([expect.objectContaining({ path: "inputs.0" })]);
});
