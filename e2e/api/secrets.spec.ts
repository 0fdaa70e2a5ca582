import { readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { AppServer } from "@/lib/testing/app-server";
import { StandaloneSimulator } from "@/lib/testing/standalone-simulator";
import { CANARY_KEYS } from "../support/canary-keys";

// Keys never leave the server: not in the build output, not in any page, API answer, header or log,
// not even when every provider refuses them (401).
const CANARIES = Object.values(CANARY_KEYS);
const simulator = new StandaloneSimulator(4720);
// Only a path: the server creates it. Making it here would leak one per process that loads this file.
const dataDir = path.join(os.tmpdir(), `prism-e2e-secrets-${process.pid}-${Date.now()}`);
const server = new AppServer({
  port: 3720,
  dataDir,
  simulatorPort: 4720,
  env: { ...simulator.providerEnv(""), ...CANARY_KEYS, PRISM_RATE_LIMIT_PER_MINUTE: "0" },
});

test.setTimeout(180_000);

test.beforeAll(async () => {
  await simulator.start(50);
  // Every provider refuses every key the app has: each job fails with a provider 401.
  await simulator.control.settings({ apiKeys: ["something-else"] });
  await server.start();
});

test.afterAll(async () => {
  await server.stop().catch(() => undefined);
  await simulator.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

function expectNoCanary(where: string, text: string): void {
  for (const canary of CANARIES) expect(text.includes(canary), `${canary} found in ${where}`).toBe(false);
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test("the build output holds no key", () => {
  const files = filesUnder(path.resolve(process.env.NEXT_DIST_DIR ?? ".next")).filter(
    (file) => !file.includes(`${path.sep}cache${path.sep}`),
  );
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expectNoCanary(file, readFileSync(file).toString("latin1"));
});

test("no page, API answer, error or header carries a key, even after provider 401s", async () => {
  const models = await server.api.modelEntries();
  const { id: runId } = await server.api.createRun({ prompt: "a brass compass", models });
  const { jobs } = await server.api.waitForRun(runId);
  for (const job of jobs) {
    expect(job.status).toBe("failed");
    expect(job.error?.code, job.error?.message).toBe("unauthorized");
  }

  const requests: [string, RequestInit?][] = [
    ["/"],
    ["/history"],
    [`/runs/${runId}`],
    ["/runs/does-not-exist"],
    ["/sign-in"],
    ["/no-such-page"],
    ["/api/health"],
    ["/api/models"],
    ["/api/spend"],
    ["/api/session"],
    ["/api/runs"],
    [`/api/runs/${runId}`],
    [`/api/runs/${runId}/code`],
    ...jobs.map((job): [string] => [`/api/jobs/${job.id}/code`]),
    ["/api/runs/does-not-exist"],
    ["/api/runs?limit=abc"],
    ["/api/files/ab/not-a-file.png"],
    ["/api/callbacks/unknown-token", { method: "POST", body: "{}" }],
    ["/api/runs", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" }],
    [
      "/api/runs",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt: "", models: [] }),
      },
    ],
  ];
  for (const [route, init] of requests) {
    const response = await fetch(`${server.baseUrl}${route}`, init);
    expectNoCanary(`${route} body`, await response.text());
    expectNoCanary(`${route} headers`, JSON.stringify([...response.headers.entries()]));
  }
  // The simulator saw the keys (that is their job) and refused them.
  const calls = await simulator.control.calls();
  expect(calls.length).toBeGreaterThanOrEqual(6);
  expect(calls.every((call) => !call.authOk)).toBe(true);

  expectNoCanary("server logs", server.logs);
});
