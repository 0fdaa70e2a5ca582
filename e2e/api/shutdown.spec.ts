import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { AppServer } from "@/lib/testing/app-server";
import { StandaloneSimulator } from "@/lib/testing/standalone-simulator";
import { createRun } from "../support/runs";

// SIGTERM to a production server with work in flight: it claims nothing more, hands its jobs back
// and exits by itself. The simulator is a process of its own, so its call log outlives the server.
const simulator = new StandaloneSimulator(4780);
const dataDir = path.join(os.tmpdir(), `prism-e2e-shutdown-${process.pid}-${Date.now()}`);
const server = new AppServer({
  port: 3780,
  dataDir,
  simulatorPort: 4780,
  env: {
    ...simulator.providerEnv("shutdown-test-key"),
    PRISM_RATE_LIMIT_PER_MINUTE: "0",
    // One slot per provider, so what each provider has in flight is known.
    PRISM_RUNNER_CONCURRENCY: "3",
    PRISM_SHUTDOWN_GRACE_SECONDS: "2",
  },
});
const PIXAZO_RUNS = 20;

test.setTimeout(180_000);

test.beforeAll(async () => {
  await simulator.start(200);
});

test.afterAll(async () => {
  await server.stop().catch(() => undefined);
  await simulator.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

const creates = async (provider: "shortapi" | "pixazo" | "dashscope") =>
  (await simulator.control.calls(provider)).filter((call) => call.method === "POST");

test("SIGTERM: claims nothing after the signal, hands back every lease but a create in flight, exits", async () => {
  await server.start();
  expect((await fetch(`${server.baseUrl}/api/ready`)).status).toBe(200);
  // pixazo creates are slow but answered: its slot keeps turning over while jobs are due.
  await simulator.control.fault({ provider: "pixazo", on: "submit", kind: "delay", delayMs: 300, count: -1 });
  // shortapi's status checks and DashScope's create hang past the grace period.
  await simulator.control.fault({
    provider: "shortapi",
    on: "poll",
    kind: "delay",
    delayMs: 60_000,
    count: -1,
  });
  await simulator.control.fault({
    provider: "dashscope",
    on: "submit",
    kind: "delay",
    delayMs: 60_000,
    count: -1,
  });

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

  // The server closed its database on the way out, so it can be read here.
  const database = new PGlite(path.join(dataDir, "pglite"));
  try {
    const { rows } = await database.query<{ provider_id: string; lease_owner: string | null }>(
      "select provider_id, lease_owner from jobs where lease_owner is not null",
    );
    // Only DashScope's create is still out; every other job is free for another instance now.
    expect(rows.map((row) => row.provider_id)).toEqual(["dashscope"]);
  } finally {
    await database.close();
  }
});
