import { setTimeout as sleep } from "node:timers/promises";
import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { generateLoad } from "./lib/load-generator.mjs";
import { createRun, THREE_MODELS, waitForRunSucceeded } from "./lib/prism-api.mjs";
import { createReport } from "./lib/report.mjs";

const PORT = 3802;
const SIMULATOR_PORT = 4820;
const CLIENTS = 10;
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 20) * 1000;

const report = createReport(
  "status-throughput",
  `2. Status route throughput: GET /api/runs/:id, ${CLIENTS} clients`,
);
await ensureBuild();
const dataDir = makeDataDir("status");
const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
try {
  await app.control.settings({ stepMs: 20, latencyMs: 0 });
  const finished = await createRun(app.origin, "a lighthouse at dusk", THREE_MODELS);
  await waitForRunSucceeded(app.origin, finished.id);
  // A run whose jobs stay pending: what a browser polls while it waits.
  await app.control.settings({ stepMs: 3_600_000, latencyMs: 3_600_000 });
  const pending = await createRun(app.origin, "a lighthouse at dawn", {
    "shortapi/z-image": {},
    "pixazo/z-image-turbo": {},
  });
  await sleep(1_000);

  const scenarios = [
    {
      name: "finished run, no If-None-Match (200, full body)",
      label: "finished, 200",
      url: `${app.origin}/api/runs/${finished.id}`,
      revalidate: false,
    },
    {
      name: "pending run polled with If-None-Match (304 until it changes)",
      label: "pending, 304",
      url: `${app.origin}/api/runs/${pending.id}`,
      revalidate: true,
    },
    {
      name: "reference: GET /api/health, the cheapest route of the same app (proxy and route wrapper included)",
      label: "reference /api/health",
      url: `${app.origin}/api/health`,
      revalidate: false,
      reference: true,
    },
  ];
  report.method(`
    Production build on loopback. ${CLIENTS} closed-loop clients, each on its own keep-alive connection, for ${DURATION_MS / 1000} s per
    scenario (every scenario warmed up 2 s before any is measured, and again 2 s before its own measurement). A finished
    three-model run read in full; and a two-model run still pending at the
    simulator, polled the way a browser does (If-None-Match with the last ETag; the runner's own polls change it about
    once a second).`);
  const requests = new Map(
    scenarios.map((scenario) => {
      let etag;
      const request = async (client) => {
        const response = await client.request("GET", scenario.url, {
          headers: scenario.revalidate && etag ? { "if-none-match": etag } : {},
        });
        if (response.headers.etag) etag = response.headers.etag;
        return response;
      };
      return [scenario, request];
    }),
  );
  // Every scenario is warmed up before any is measured: the first one measured would otherwise also
  // pay for the fresh server's own warm-up, which the reference, measured last, never does.
  for (const request of requests.values())
    await generateLoad({ clients: CLIENTS, durationMs: 2_000, request });
  const results = {};
  for (const scenario of scenarios) {
    const request = requests.get(scenario);
    await generateLoad({ clients: CLIENTS, durationMs: 2_000, request });
    const result = await generateLoad({ clients: CLIENTS, durationMs: DURATION_MS, request });
    results[scenario.name] = result;
    console.log(`   -- ${scenario.name}: statuses ${JSON.stringify(result.statuses)}`);
    // The reference shows what this machine allows right now; it has no target of its own.
    const target = (value) => (scenario.reference ? undefined : value);
    report.row(`${scenario.label}: requests/s`, result.requestsPerSecond, "req/s", target({ min: 800 }));
    report.row(`${scenario.label}: latency p50`, result.latency.median, "ms");
    report.row(`${scenario.label}: latency p99`, result.latency.p99, "ms", target({ max: 30 }));
    report.row(`${scenario.label}: errors`, result.errors, "", target({ max: 0 }));
  }
  // Target: the status route keeps up with the app's cheapest route, measured in the same run.
  const reference = scenarios.find((scenario) => scenario.reference);
  for (const scenario of scenarios.filter((candidate) => !candidate.reference)) {
    const ratio = results[scenario.name].requestsPerSecond / results[reference.name].requestsPerSecond;
    report.row(`${scenario.label}: throughput ÷ /api/health`, ratio, "×", { min: 0.8 });
  }
  report.save({ results });
} finally {
  await app.stop();
  removeDataDir(dataDir);
}
