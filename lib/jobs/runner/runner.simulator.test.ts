import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { getRunView } from "@/lib/views/run-views";
import { MODELS } from "@/lib/models/catalog";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import {
  createRealRunner,
  startSimulatedProviders,
  type SimulatedProviders,
} from "@/lib/testing/simulated-providers";
import { openTestDatabase } from "@/lib/testing/test-database";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { createRun } from "../create-run";

let handle: DatabaseHandle;
let providers: SimulatedProviders;
let blobDirectory: string;

beforeAll(async () => {
  [handle, providers, blobDirectory] = await Promise.all([
    openTestDatabase(),
    startSimulatedProviders({ stepMs: 50 }),
    mkdtemp(path.join(os.tmpdir(), "prism-simulated-run-")),
  ]);
});

afterAll(async () => {
  await Promise.all([handle.close(), providers.close(), rm(blobDirectory, { recursive: true, force: true })]);
});

// Edit models need a run's inputs: lib/server/signed-input-urls.test.ts runs them to stored images.
const TEXT_TO_IMAGE = MODELS.filter((model) => model.inputImages.min === 0);

it("runs every text-to-image model through the real adapters against the simulator to stored images", async () => {
  const models = TEXT_TO_IMAGE.map((model) => ({
    modelId: model.id,
    params: { ...model.mapSharedSettings({ aspectRatio: "1:1", numImages: 1 }).params },
  }));
  const run = await createRun(
    handle.db,
    createRunBodySchema.parse({ prompt: "a paper crane on a desk", models }),
  );
  const runner = createRealRunner(
    handle.db,
    blobDirectory,
    { ownerId: "simulated" },
    { idleIntervalMs: 100 },
  );
  await runner.start();
  try {
    await expect
      .poll(async () => (await getRunView(handle.db, run.id))?.jobs.map((job) => job.status), {
        timeout: 25_000,
        interval: 200,
      })
      .toEqual(TEXT_TO_IMAGE.map(() => "succeeded"));
  } finally {
    await runner.stop();
  }

  const view = await getRunView(handle.db, run.id);
  for (const job of view?.jobs ?? []) {
    expect(job.images.length, job.modelId).toBeGreaterThanOrEqual(1);
    for (const image of job.images) {
      expect(image.width).toBeGreaterThan(0);
      expect(["image/png", "image/jpeg", "image/webp"]).toContain(image.contentType);
      const key = image.url.replace("/api/files/", "");
      expect(await createLocalBlobStore(blobDirectory).has(key)).toBe(true);
    }
  }
});

it("records the prompt DashScope says it used when prompt_extend is on, and none when it is off", async () => {
  const run = await createRun(
    handle.db,
    createRunBodySchema.parse({
      prompt: "a paper crane on a desk",
      models: [true, false].map((extend) => ({
        modelId: "dashscope/z-image-turbo",
        params: { size: "1024*1024", prompt_extend: extend },
      })),
    }),
  );
  const runner = createRealRunner(handle.db, blobDirectory, { ownerId: "rewrites" }, { idleIntervalMs: 100 });
  await runner.start();
  try {
    await expect
      .poll(async () => (await getRunView(handle.db, run.id))?.jobs.map((job) => job.status), {
        timeout: 25_000,
        interval: 200,
      })
      .toEqual(["succeeded", "succeeded"]);
  } finally {
    await runner.stop();
  }

  const [extended, plain] = (await getRunView(handle.db, run.id))?.jobs ?? [];
  // The simulator answers as docs/providers.md §4.3 says: the rewrite as a {text} content item.
  expect(extended?.revisedPrompt).toBe(
    "a paper crane on a desk. Rendered in rich detail, balanced composition, soft natural light.",
  );
  expect(plain?.revisedPrompt).toBeNull();
});
