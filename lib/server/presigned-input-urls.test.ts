import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { createInputFromFile } from "@/lib/inputs/create-input";
import { createRun } from "@/lib/jobs/create-run";
import { inputReferences, inputUnavailableReason } from "@/lib/jobs/input-references";
import { findModel } from "@/lib/models/catalog";
import { startingParams } from "@/lib/models/starting-params";
import type { ModelDefinition } from "@/lib/models/types";
import { providerDescriptor } from "@/lib/providers/descriptors";
import type { PollResult } from "@/lib/providers/types";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createS3BlobStore } from "@/lib/storage/s3-blob-store";
import { meanColour } from "@/lib/testing/input-image-server";
import { startS3TestServer, type S3TestServer } from "@/lib/testing/s3-test-server";
import { openTestDatabase } from "@/lib/testing/test-database";

// S3_PRESIGNED_INPUTS: with a bucket the provider can reach, a URL-fetching edit model gets a
// presigned URL of the input's object and needs no PUBLIC_URL.

const EDIT = "pixazo/qwen-image-edit";
const model = findModel(EDIT) as ModelDefinition;
const VARIABLES = ["PUBLIC_URL", "S3_BUCKET", "S3_PRESIGNED_INPUTS"] as const;
const previous = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

let handle: DatabaseHandle;
let s3: S3TestServer;
let store: BlobStore;
let simulator: RunningSimulator;
let directory: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  s3 = await startS3TestServer();
  store = createS3BlobStore(s3.settings);
  simulator = await startSimulator({ port: 0, stepMs: 10 });
  directory = await mkdtemp(path.join(os.tmpdir(), "prism-presigned-"));
  delete process.env.PUBLIC_URL;
  process.env.S3_BUCKET = s3.settings.bucket;
  process.env.S3_PRESIGNED_INPUTS = "1";
});
afterAll(async () => {
  for (const name of VARIABLES) {
    if (previous[name] === undefined) delete process.env[name];
    else process.env[name] = previous[name];
  }
  await simulator?.close();
  await s3?.close();
  await handle?.close();
  await rm(directory, { recursive: true, force: true });
});

/** A stored input in the bucket: a red 400×200 PNG. */
async function redInput() {
  const file = path.join(directory, "red.png");
  await writeFile(
    file,
    await sharp({ create: { width: 400, height: 200, channels: 3, background: "#e61414" } })
      .png()
      .toBuffer(),
  );
  return createInputFromFile(handle.db, store, file);
}

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("presigned input URLs (S3_PRESIGNED_INPUTS)", () => {
  it("make a URL-fetching edit model available without PUBLIC_URL, and say both ways when neither is set", () => {
    expect(inputUnavailableReason(model)).toBeUndefined();
    delete process.env.S3_PRESIGNED_INPUTS;
    try {
      expect(inputUnavailableReason(model)).toBe(
        "needs PUBLIC_URL, or S3_PRESIGNED_INPUTS with a bucket it can reach, so the provider can fetch your image",
      );
    } finally {
      process.env.S3_PRESIGNED_INPUTS = "1";
    }
  });

  it("give the provider a presigned URL of the input's object, which it fetches: the output derives from the input", async () => {
    const input = await redInput();
    const run = await createRun(
      handle.db,
      createRunBodySchema.parse({
        prompt: "make it blue",
        models: [{ modelId: EDIT, params: startingParams(model) }],
        inputs: [input.id],
      }),
    );
    const descriptor = providerDescriptor(model.providerId);
    const [url] = await inputReferences(
      handle.db,
      store,
      run.id,
      model,
      descriptor.inputTransport,
      new Date(Date.now() + 60_000),
    );
    expect(url).toMatch(
      new RegExp(`^${s3.settings.endpoint}/prism-test/${input.blobKey}\\?.*X-Amz-Signature=`),
    );
    // Valid for the job's lifetime plus the same 15-minute margin as a signed URL.
    const expires = Number(new URL(url!).searchParams.get("X-Amz-Expires"));
    expect(expires).toBeGreaterThan(15 * 60);
    expect(expires).toBeLessThanOrEqual(16 * 60 + 1);
    // A plain GET, with no credentials, reads the input's bytes.
    const fetched = await fetch(url!);
    expect(fetched.status).toBe(200);
    const stored = await store.get(input.blobKey);
    expect((await bytesOf(fetched)).equals(await bytesOf(new Response(stored!.stream)))).toBe(true);

    // The simulated provider fetches it as pixazo would, and edits what it got.
    const provider = descriptor.create({
      apiKey: "sim-key",
      baseUrl: simulator.urls[model.providerId],
      fetch: globalThis.fetch,
    });
    const submitted = await provider.submit({
      modelId: EDIT,
      prompt: "make it blue",
      params: model.params.parse(startingParams(model)) as Record<string, unknown>,
      inputImages: [url!],
    });
    let result: PollResult | null =
      submitted.state === "done" ? { state: "succeeded", outputs: submitted.outputs } : null;
    for (let attempt = 0; !result && attempt < 500; attempt += 1) {
      if (submitted.state !== "pending") break;
      const polled = await provider.poll({ modelId: EDIT, providerJobId: submitted.providerJobId });
      if (polled.state === "succeeded" || polled.state === "failed") result = polled;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(result?.state).toBe("succeeded");
    if (result?.state !== "succeeded") return;
    const { r, b } = await meanColour(await bytesOf(await fetch(result.outputs[0]!.url)));
    expect(r).toBeGreaterThan(b);
  });

  it("are refused by the bucket once expired, never the image", async () => {
    const input = await redInput();
    const now = new Date(Date.now() - 2 * 60 * 60_000);
    const expired = await store.presignedUrl!(input.blobKey, {
      expiresAt: new Date(now.getTime() + 60_000),
      now,
    });
    const response = await fetch(expired);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/expired/i);
  });
});
