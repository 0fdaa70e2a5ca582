import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { AppServer } from "@/lib/testing/app-server";
import { StandaloneSimulator } from "@/lib/testing/standalone-simulator";
import { createRun } from "../support/runs";
import { E2E_PORT_OFFSET } from "../support/env";

// SIGTERM to a production server with work in flight: it claims nothing more, hands its jobs back
// and exits by itself. The simulator is a process of its own, so its call log outlives the server.
const simulator = new StandaloneSimulator(4780 + E2E_PORT_OFFSET);
const dataDir = path.join(os.tmpdir(), `prism-e2e-shutdown-${process.pid}-${Date.now()}`);
const server = new AppServer({
  port: 3780 + E2E_PORT_OFFSET,
  dataDir,
  simulatorPort: 4780 + E2E_PORT_OFFSET,
  env: {
    ...simulator.providerEnv("shutdown-test-key"),
    PRISM_RATE_LIMIT_PER_MINUTE: "0",
    // One slot per provider, so what each provider has in flight is known.
    PRISM_RUNNER_CONCURRENCY: "3",
    PRISM_SHUTDOWN_GRACE_SECONDS: "2",
  },
});
const PIXAZO_RUNS = 20;
const GRACE_SECONDS = 4;
// A second server on the same ports once the first has gone, with a pre-stop period a test can see.
const drainingDataDir = `${dataDir}-draining`;
const draining = new AppServer({
  port: 3780 + E2E_PORT_OFFSET,
  dataDir: drainingDataDir,
  simulatorPort: 4780 + E2E_PORT_OFFSET,
  env: {
    ...simulator.providerEnv("shutdown-test-key"),
    PRISM_RATE_LIMIT_PER_MINUTE: "0",
    PRISM_SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
    PRISM_PRESTOP_SECONDS: "2",
  },
});

test.setTimeout(180_000);

test.beforeAll(async () => {
  await simulator.start(200);
});

test.afterAll(async () => {
  await server.stop().catch(() => undefined);
  await draining.stop().catch(() => undefined);
  await simulator.stop().catch(() => undefined);
  for (const directory of [dataDir, drainingDataDir]) rmSync(directory, { recursive: true, force: true });
});

async function leasedJobs(directory: string): Promise<string[]> {
  // The server closed its database on the way out, so it can be read here.
  const database = new PGlite(path.join(directory, "pglite"));
  try {
    const { rows } = await database.query<{ provider_id: string }>(
      "select provider_id from jobs where lease_owner is not null",
    );
    return rows.map((row) => row.provider_id);
  } finally {
    await database.close();
  }
}

/** Every call of that kind hangs for a minute, well past any grace period here. */
const hang = (provider: "shortapi" | "dashscope", on: "poll" | "submit") =>
  simulator.control.fault({ provider, on, kind: "delay", delayMs: 60_000, count: -1 });

const creates = async (provider: "shortapi" | "pixazo" | "dashscope") =>
  (await simulator.control.calls(provider)).filter((call) => call.method === "POST");

test("SIGTERM: claims nothing after the signal, hands back every lease but a create in flight, exits", async () => {
  await server.start();
  expect((await fetch(`${server.baseUrl}/api/ready`)).status).toBe(200);
  // pixazo creates are slow but answered: its slot keeps turning over while jobs are due.
  await simulator.control.fault({ provider: "pixazo", on: "submit", kind: "delay", delayMs: 300, count: -1 });
  // shortapi's status checks and DashScope's create hang past the grace period.
  await hang("shortapi", "poll");
  await hang("dashscope", "submit");

  const models = [
    { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } },
    { modelId: "dashscope/z-image-turbo", params: {} },
  ];
  await createRun(server.baseUrl, { prompt: "a stalled lighthouse", models });
  for (let index = 0; index < PIXAZO_RUNS; index += 1) {
    const pixazo = { modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } };
    await createRun(server.baseUrl, { prompt: `a kite ${index}`, models: [pixazo] });
  }
  await expect
    .poll(
      async () => {
        const shortapiPolls = (await simulator.control.calls("shortapi")).filter(
          (call) => call.method === "GET",
        );
        return [
          shortapiPolls.length > 0,
          (await creates("dashscope")).length,
          (await creates("pixazo")).length >= 2,
        ];
      },
      { timeout: 60_000 },
    )
    .toEqual([true, 1, true]);

  const pixazoCreatesAtSignal = (await creates("pixazo")).length;
  await server.stop();

  expect(server.logs).toContain("Job runner stopped");
  // At most the one pixazo step already in flight at the signal sent its create afterwards.
  const pixazoCreates = (await creates("pixazo")).length;
  expect(pixazoCreates).toBeLessThanOrEqual(pixazoCreatesAtSignal + 1);
  expect(pixazoCreates).toBeLessThan(PIXAZO_RUNS);
  expect(await creates("dashscope")).toHaveLength(1);

  // Only DashScope's create is still out; every other job is free for another instance now.
  expect(await leasedJobs(dataDir)).toEqual(["dashscope"]);
});

test("SIGTERM: a held long-poll is answered at once, readiness is 503 while the port still serves, exit by the grace", async () => {
  await simulator.control.reset();
  await draining.start();
  expect((await fetch(`${draining.baseUrl}/api/ready`)).status).toBe(200);
  // The job's status check hangs past the grace: its step is cut short and its lease handed back.
  await hang("shortapi", "poll");
  const runId = await createRun(draining.baseUrl, {
    prompt: "a lighthouse at dusk",
    models: [{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }],
  });
  await expect
    .poll(async () => (await simulator.control.calls("shortapi")).some((call) => call.method === "GET"), {
      timeout: 30_000,
    })
    .toBe(true);
  const etag = (await fetch(`${draining.baseUrl}/api/runs/${runId}`)).headers.get("etag")!;
  // Held for up to 25 s: nothing about the run changes while its status check hangs.
  let answered = false;
  const longPoll = fetch(`${draining.baseUrl}/api/runs/${runId}?wait=25`, {
    headers: { "If-None-Match": etag },
  }).then((response) => ((answered = true), response));
  // Time for it to reach the server and be held there; it must still be waiting at the signal.
  await sleep(1_000);
  expect(answered).toBe(false);

  const signalledAt = performance.now();
  const exited = draining.stop().then(() => performance.now() - signalledAt);
  // Answered while the port still serves, i.e. in the pre-stop period, not at the end of its wait.
  expect((await longPoll).status).toBe(304);
  const ready = await fetch(`${draining.baseUrl}/api/ready`);
  expect(ready.status).toBe(503);
  expect((await ready.json()).error.code).toBe("service_unavailable");
  expect((await fetch(`${draining.baseUrl}/api/health`)).status).toBe(200);

  expect(await exited).toBeLessThan((GRACE_SECONDS + 2) * 1_000);
  expect(draining.logs).toContain("Shut down");
  expect(await leasedJobs(drainingDataDir)).toEqual([]);
});
