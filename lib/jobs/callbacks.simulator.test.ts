import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { getJob, pollJobNow } from "@/lib/db/queries/jobs";
import { getRunView } from "@/lib/views/run-views";
import { logger } from "@/lib/logger";
import { MODELS } from "@/lib/models/catalog";
import { closeServer, listen } from "@/lib/simulator/http-utils";
import {
  createRealRunner,
  startSimulatedProviders,
  type SimulatedProviders,
} from "@/lib/testing/simulated-providers";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { callbackUrlFor } from "./callbacks";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { createRun } from "./create-run";
import type { JobRunner } from "./runner/types";

/** Polls are scheduled a minute apart, so within a test only a callback can make a job finish. */
const SLOW_POLLS = { initialMs: 60_000, maxMs: 60_000 };

let handle: DatabaseHandle;
let providers: SimulatedProviders;
let blobDirectory: string;
let runner: JobRunner;
let receiver: Server;
let publicUrl: string;
const received: { token: string; status: number }[] = [];

beforeAll(async () => {
  [handle, providers, blobDirectory] = await Promise.all([
    openTestDatabase(),
    startSimulatedProviders({ stepMs: 20, key: "callback-key" }),
    mkdtemp(path.join(os.tmpdir(), "prism-callbacks-")),
  ]);
  // Stands in for app/api/callbacks/[token]/route.ts, which does exactly this and never reads the body.
  receiver = createServer((request, response) => {
    const token = decodeURIComponent(/^\/api\/callbacks\/([^/?]+)$/.exec(request.url ?? "")?.[1] ?? "");
    request.resume();
    void pollJobNow(handle.db, token, new Date()).then((known) => {
      if (known) runner.poke();
      received.push({ token, status: known ? 200 : 404 });
      response.writeHead(known ? 200 : 404).end();
    });
  });
  publicUrl = `http://127.0.0.1:${await listen(receiver, 0, "127.0.0.1")}`;
});

afterAll(async () => {
  await Promise.all([
    handle.close(),
    providers.close(),
    closeServer(receiver),
    rm(blobDirectory, { recursive: true, force: true }),
  ]);
});

beforeEach(async () => {
  await emptyDatabase(handle);
  await providers.control.reset();
  received.length = 0;
  runner = createRealRunner(
    handle.db,
    blobDirectory,
    {
      ownerId: "callbacks",
      pollSchedule: () => SLOW_POLLS,
      callbackUrl: (job) => callbackUrlFor(publicUrl, job.callbackToken),
      logger: { ...logger, info: () => undefined },
    },
    { idleIntervalMs: 50 },
  );
  await runner.start();
});

afterEach(() => runner.stop());

const calls = () => providers.control.calls();

async function startRun(modelIds: string[]) {
  const models = modelIds.map((id) => {
    const model = MODELS.find((candidate) => candidate.id === id);
    if (!model) throw new Error(id);
    return {
      modelId: id,
      params: { ...model.mapSharedSettings({ aspectRatio: "1:1", numImages: 1 }).params },
    };
  });
  return createRun(handle.db, createRunBodySchema.parse({ prompt: "a lantern in the fog", models }));
}

const statuses = async (runId: string) => (await getRunView(handle.db, runId))?.jobs.map((job) => job.status);

it("sends each job's own callback URL and finishes the job when the callback arrives", async () => {
  const run = await startRun(["shortapi/z-image", "pixazo/z-image-turbo"]);
  await expect
    .poll(() => statuses(run.id), { timeout: 20_000, interval: 50 })
    .toEqual(["succeeded", "succeeded"]);

  const tokens = await Promise.all(
    run.jobs.map(async (job) => (await getJob(handle.db, job.id))?.callbackToken),
  );
  expect(new Set(tokens).size).toBe(2);
  for (const token of tokens) expect(token).toMatch(/^[\w-]{24}$/);
  const creates = (await calls()).filter((call) => call.method === "POST");
  const shortapiCreate = creates.find((call) => call.provider === "shortapi");
  const pixazoCreate = creates.find((call) => call.provider === "pixazo");
  expect((shortapiCreate?.body as { callback_url?: string }).callback_url).toBe(
    `${publicUrl}/api/callbacks/${tokens[0]}`,
  );
  expect(pixazoCreate?.headers["x-webhook-url"]).toBe(`${publicUrl}/api/callbacks/${tokens[1]}`);
  expect(received.map((callback) => callback.status)).toEqual([200, 200]);
});

it("handles duplicate callbacks: one job, each image stored once", async () => {
  await providers.control.settings({ callbackCopies: 3 });
  const run = await startRun(["shortapi/z-image"]);
  await expect.poll(() => statuses(run.id), { timeout: 20_000, interval: 50 }).toEqual(["succeeded"]);
  await expect.poll(() => received.length, { timeout: 10_000, interval: 50 }).toBe(3);
  await runner.settle();

  const view = await getRunView(handle.db, run.id);
  expect(view?.jobs[0]?.images).toHaveLength(1);
  expect((await calls()).filter((call) => call.method === "POST")).toHaveLength(1);
});

it("never takes state from a callback: a forged one only makes the runner ask the provider", async () => {
  await providers.control.settings({ stepMs: 60_000 });
  const run = await startRun(["pixazo/z-image-turbo"]);
  const jobId = run.jobs[0]?.id ?? "";
  await expect
    .poll(async () => (await getJob(handle.db, jobId))?.providerJobId, { timeout: 10_000 })
    .toBeTruthy();
  const token = (await getJob(handle.db, jobId))?.callbackToken ?? "";
  const pollsBefore = (await calls()).filter((call) => call.method === "GET").length;

  const forged = {
    request_id: "x",
    status: "COMPLETED",
    output: { media_url: ["http://169.254.169.254/latest"] },
  };
  const answer = await fetch(`${publicUrl}/api/callbacks/${token}`, {
    method: "POST",
    body: JSON.stringify(forged),
  });
  expect(answer.status).toBe(200);

  await expect
    .poll(async () => (await calls()).filter((call) => call.method === "GET").length, { timeout: 10_000 })
    .toBeGreaterThan(pollsBefore);
  await runner.settle();
  const job = await getJob(handle.db, jobId);
  expect(job?.status).toBe("running");
  expect(job?.providerOutputs).toBeNull();
});

it("ignores an early callback (before the provider accepted the job) and 404s an unknown token", async () => {
  await runner.stop();
  const run = await startRun(["shortapi/z-image"]);
  const queued = await getJob(handle.db, run.jobs[0]?.id ?? "");
  expect(await pollJobNow(handle.db, queued?.callbackToken ?? "", new Date(Date.now() + 60_000))).toBe(true);
  expect((await getJob(handle.db, queued?.id ?? ""))?.nextAttemptAt).toEqual(queued?.nextAttemptAt);

  const answer = await fetch(`${publicUrl}/api/callbacks/not-a-token`, { method: "POST", body: "{}" });
  expect(answer.status).toBe(404);
});
