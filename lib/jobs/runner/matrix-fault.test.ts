/**
 * The fault matrix for a matrix run: a 4 prompts × 3 configurations run where one provider fails every call,
 * through the real adapters, the simulator and the runner on in-memory PGlite. The other cells must
 * not be held up, the failed ones must say why in plain words, and a Retry once the fault is gone
 * must succeed. Asserts outcomes, never how long anything took.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { isTerminal } from "@/lib/models/job-status";
import {
  createRealRunner,
  startSimulatedProviders,
  type SimulatedProviders,
} from "@/lib/testing/simulated-providers";
import { openTestDatabase } from "@/lib/testing/test-database";
import { getRunView } from "@/lib/views/run-views";
import { rerunJob } from "../cell-control";
import { createRun } from "../create-run";
import type { JobRunner } from "./types";

const PROMPTS = ["a kite over the dunes", "a lantern in the fog", "a fox in the snow", "a boat at dawn"];
const MODELS = [
  { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } },
  { modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } },
  { modelId: "dashscope/z-image-turbo", params: { size: "1024*1024" } },
];
/** The failing provider's column. */
const PIXAZO = 1;

let handle: DatabaseHandle;
let providers: SimulatedProviders;
let blobDirectory: string;
let runner: JobRunner;

beforeAll(async () => {
  [handle, providers, blobDirectory] = await Promise.all([
    openTestDatabase(),
    startSimulatedProviders({ stepMs: 20, key: "matrix-fault-key" }),
    mkdtemp(path.join(os.tmpdir(), "prism-matrix-fault-")),
  ]);
  runner = createRealRunner(
    handle.db,
    blobDirectory,
    // Retries are provoked on purpose; only errors are worth printing.
    { ownerId: "matrix-fault", logger: { ...logger, info: () => undefined, warn: () => undefined } },
    {
      idleIntervalMs: 50,
      retryBackoff: { baseMs: 40, capMs: 200 },
      submitTimeoutMs: 5_000,
      pollTimeoutMs: 5_000,
    },
  );
  await runner.start();
});

afterAll(async () => {
  await runner.stop();
  await Promise.all([handle.close(), providers.close(), rm(blobDirectory, { recursive: true, force: true })]);
});

async function settledJobs(runId: string, count: number) {
  await expect
    .poll(
      async () => {
        const jobs = (await getRunView(handle.db, runId))?.jobs ?? [];
        return jobs.length === count && jobs.every((job) => isTerminal(job.status));
      },
      { timeout: 40_000, interval: 100 },
    )
    .toBe(true);
  return (await getRunView(handle.db, runId))!.jobs;
}

it("4 prompts × 3 configurations with pixazo failing every call: 8 cells succeed, 4 say why, a Retry after the fault succeeds", async () => {
  await providers.control.fault({ provider: "pixazo", on: "any", kind: "status", status: 502, count: -1 });
  const run = await createRun(handle.db, createRunBodySchema.parse({ prompts: PROMPTS, models: MODELS }));
  runner.poke();

  const jobs = await settledJobs(run.id, 12);
  const failed = jobs.filter((job) => job.configIndex === PIXAZO);
  const others = jobs.filter((job) => job.configIndex !== PIXAZO);
  expect(others.map((job) => job.status)).toEqual(Array(8).fill("succeeded"));
  for (const job of others) expect(job.images).toHaveLength(1);
  expect(failed.map((job) => job.status)).toEqual(Array(4).fill("failed"));
  for (const job of failed) {
    expect(job.error?.summary).toBe("pixazo kept failing (HTTP 502) — try again later, or Retry");
    expect(job.error?.message).toMatch(/^pixazo: .*502/);
    expect(job.retryNote).toBeNull();
  }

  await providers.control.reset();
  const take = await rerunJob(handle.db, failed[2]!.id);
  runner.poke();

  const after = await settledJobs(run.id, 13);
  const cell = after.filter((job) => job.promptIndex === 2 && job.configIndex === PIXAZO);
  expect(cell.map((job) => [job.take, job.status])).toEqual([
    [1, "failed"],
    [2, "succeeded"],
  ]);
  expect(cell[1]).toMatchObject({ id: take.id, prompt: PROMPTS[2] });
  expect(cell[1]?.images).toHaveLength(1);
});
