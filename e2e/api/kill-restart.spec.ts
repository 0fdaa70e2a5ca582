import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { request as httpRequest } from "node:http";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import type { JobView } from "@/lib/api/views";
import { AppServer } from "@/lib/testing/app-server";
import { StandaloneSimulator } from "@/lib/testing/standalone-simulator";
import { E2E_PORT_OFFSET } from "../support/env";

// kill -9 of the production server mid-generation and mid-download, then a restart on the same data.
const simulator = new StandaloneSimulator(4730 + E2E_PORT_OFFSET);
// Only a path: the server creates it. Making it here would leak one per process that loads this file.
const dataDir = path.join(os.tmpdir(), `prism-e2e-kill-${process.pid}-${Date.now()}`);
/** The server's TMPDIR, where uploads wait while they arrive (<tmp>/prism-inputs/<pid>/). */
const serverTmp = path.join(dataDir, "tmp");
const server = new AppServer({
  port: 3730 + E2E_PORT_OFFSET,
  dataDir,
  simulatorPort: 4730 + E2E_PORT_OFFSET,
  // With PUBLIC_URL the providers also call back (to the real callback route) while jobs run.
  env: {
    ...simulator.providerEnv("kill-test-key"),
    PRISM_RATE_LIMIT_PER_MINUTE: "0",
    PUBLIC_URL: `http://127.0.0.1:${3730 + E2E_PORT_OFFSET}`,
    TMPDIR: serverTmp,
  },
});

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

test.beforeAll(async () => {
  await simulator.start(1_000);
});

test.afterAll(async () => {
  await server.stop().catch(() => undefined);
  await simulator.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every file under DATA_DIR/blobs, as blob keys ("ab/abcdef….png"). */
function blobFiles(): string[] {
  const root = path.join(dataDir, "blobs");
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function expectCompleteAndStoredOnce(jobs: JobView[]): void {
  for (const job of jobs) {
    expect(["succeeded", "failed"], `${job.modelId}: ${job.status}`).toContain(job.status);
    if (job.status === "succeeded") {
      expect(job.images.length, job.modelId).toBeGreaterThanOrEqual(1);
      expect(new Set(job.images.map((image) => image.url)).size, `${job.modelId} has a duplicate image`).toBe(
        job.images.length,
      );
    } else {
      // A job may only fail because its create was in flight when the server died.
      expect(job.error?.code, `${job.modelId}: ${job.error?.message}`).toBe("submit_outcome_unknown");
    }
  }
}

async function storedKeys(runIds: string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const runId of runIds) {
    for (const job of (await server.api.getRun(runId)).jobs) {
      for (const image of job.images) {
        keys.add(image.url.replace("/api/files/", ""));
        keys.add(image.thumbnailUrl.replace("/api/files/", ""));
      }
    }
  }
  return keys;
}

const runIds: string[] = [];

test("every job ends and no image is lost or doubled after kill -9 during generation", async () => {
  await server.start();
  const models = await server.api.modelEntries();
  for (const prompt of ["a glass teapot", "a copper kettle"])
    runIds.push((await server.api.createRun({ prompt, models })).id);
  // Providers have accepted some jobs (and are still working on them) when the server dies.
  await expect
    .poll(async () => (await simulator.control.calls()).length, {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(4);
  const unfinished = (await server.api.getRun(runIds[0] ?? "")).jobs.filter(
    (job) => job.status === "queued" || job.status === "running",
  );
  expect(unfinished.length).toBeGreaterThan(0);
  await server.kill();

  await server.start();
  for (const runId of runIds) expectCompleteAndStoredOnce((await server.api.waitForRun(runId)).jobs);

  const calls = await simulator.control.calls();
  const callbackUrl = new RegExp(
    `^http://127\\.0\\.0\\.1:${3730 + E2E_PORT_OFFSET}/api/callbacks/[\\w-]{24}$`,
  );
  for (const call of calls.filter(
    (candidate) => candidate.method === "POST" && candidate.provider === "shortapi",
  )) {
    expect((call.body as { callback_url?: string }).callback_url).toMatch(callbackUrl);
  }
  for (const call of calls.filter(
    (candidate) => candidate.method === "POST" && candidate.provider === "pixazo",
  )) {
    expect(call.headers["x-webhook-url"]).toMatch(callbackUrl);
  }
});

test("kill -9 while images download: stored exactly once after restart, no partial files", async () => {
  await simulator.control.reset();
  await simulator.control.fault({
    provider: "*",
    on: "image",
    kind: "delay",
    delayMs: 30_000,
    count: -1,
  });
  const models = await server.api.modelEntries();
  runIds.push((await server.api.createRun({ prompt: "a paper boat", models })).id);
  await expect
    .poll(
      async () => (await simulator.control.calls()).filter((call) => call.path.startsWith("/cdn/")).length,
      { timeout: 60_000 },
    )
    .toBeGreaterThanOrEqual(1);
  await server.kill();
  await simulator.control.reset();

  await server.start();
  for (const runId of runIds) expectCompleteAndStoredOnce((await server.api.waitForRun(runId)).jobs);
  const files = blobFiles();
  expect(files.filter((file) => path.basename(file).startsWith(".tmp-"))).toEqual([]);
  // Content-addressed: one file per distinct image or thumbnail, and none that no image refers to.
  expect(new Set(files)).toEqual(await storedKeys(runIds));
});

/** Uploads waiting in temporary files, with their sizes. */
function temporaryUploads(): { file: string; size: number }[] {
  const root = path.join(serverTmp, "prism-inputs");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => ({ file, size: statSync(file).size }));
}

test("kill -9 during an upload: no partial blob, no input row, and the temporary file is gone after restart", async () => {
  const blobsBefore = blobFiles().sort();
  // A 9 MB PNG upload (under the 10 MB cap) of which only the first megabyte ever arrives.
  const upload = httpRequest({
    host: "127.0.0.1",
    port: 3730 + E2E_PORT_OFFSET,
    method: "POST",
    path: "/api/inputs",
    headers: { "Content-Type": "image/png", "Content-Length": String(9 * 1024 * 1024) },
  });
  const ended = new Promise((resolve) => {
    upload.on("error", resolve);
    upload.on("response", resolve);
  });
  upload.write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  for (let index = 0; index < 16; index += 1) upload.write(Buffer.alloc(64 * 1024, index));
  await expect
    .poll(() => temporaryUploads().reduce((sum, { size }) => sum + size, 0), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await server.kill();
  await ended;

  // What the crash left, before any boot clean-up: the partial upload in its temporary file only.
  expect(temporaryUploads().length).toBeGreaterThan(0);
  expect(blobFiles().sort()).toEqual(blobsBefore);
  const database = new PGlite(path.join(dataDir, "pglite"));
  try {
    const { rows } = await database.query<{ blob_key: string; thumbnail_key: string }>(
      "select blob_key, thumbnail_key from inputs",
    );
    expect(rows).toEqual([]);
  } finally {
    await database.close();
  }

  await server.start();
  expect(temporaryUploads()).toEqual([]);
  expect(blobFiles().sort()).toEqual(blobsBefore);
});
