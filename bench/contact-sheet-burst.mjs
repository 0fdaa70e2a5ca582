import http from "node:http";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { createMatrixRun, waitForRunSucceeded } from "./lib/prism-api.mjs";
import { createReport } from "./lib/report.mjs";
import { summarize } from "./lib/stats.mjs";

/**
 * Contact-sheet burst: BURST requests at once for the contact sheet of a finished 12 × 4 run, first
 * when it was never drawn, then again once it is kept, while /api/health is asked every 20 ms.
 */
const PORT = Number(process.env.BENCH_PORT ?? 3807);
const SIMULATOR_PORT = Number(process.env.BENCH_SIMULATOR_PORT ?? 4827);
const BURST = 20;
const HEALTH_EVERY_MS = 20;
const CONFIGS = [
  { modelId: "shortapi/flux-1.0", params: { performance: "dev" } },
  { modelId: "pixazo/z-image-turbo", params: {} },
  { modelId: "dashscope/z-image-turbo", params: {} },
  { modelId: "shortapi/z-image", params: {} },
];

function get(agent, url) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode, ms: performance.now() - started }));
    });
    request.on("error", reject);
  });
}

/** The burst's answers and /api/health's latencies while it lasted. */
async function burst(origin, runId) {
  const health = [];
  let done = false;
  const healthAgent = new http.Agent({ keepAlive: false });
  const probing = (async () => {
    while (!done) {
      health.push((await get(healthAgent, `${origin}/api/health`).catch(() => ({ ms: Infinity }))).ms);
      await sleep(HEALTH_EVERY_MS);
    }
  })();
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: BURST }, () =>
      get(new http.Agent({ keepAlive: false }), `${origin}/api/runs/${runId}/contact-sheet`),
    ),
  );
  const ms = performance.now() - started;
  done = true;
  await probing;
  const statuses = {};
  for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  return { ms, statuses, health: summarize(health) };
}

const report = createReport(
  "contact-sheet-burst",
  `Contact sheet: ${BURST} requests at once on a 12 × 4 run`,
);
report.method(`
  Production build on loopback, PGlite. A finished 12 × 4 run (48 simulator images); ${BURST} GET
  /api/runs/:id/contact-sheet at once, each on its own connection, while /api/health is asked every
  ${HEALTH_EVERY_MS} ms on another. Once before the sheet was ever drawn, then again with it kept.
  Load average before: ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")}.`);
await ensureBuild();
const dataDir = makeDataDir("sheet");
const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
try {
  await app.control.settings({ stepMs: 20, latencyMs: 0 });
  const { id } = await createMatrixRun(app.origin, {
    prompts: Array.from({ length: 12 }, (_, index) => `contact sheet lighthouse, variant ${index + 1}`),
    models: CONFIGS,
  });
  await waitForRunSucceeded(app.origin, id, 180_000);
  const cold = await burst(app.origin, id);
  const kept = await burst(app.origin, id);
  for (const [label, result] of [
    ["never drawn", cold],
    ["kept", kept],
  ]) {
    report.row(`${label}: /api/health p99 during the burst`, result.health.p99, "ms", { max: 250 });
    report.row(`${label}: /api/health median`, result.health.median, "ms");
    report.row(`${label}: burst → last sheet`, result.ms, "ms");
    report.note(`${label}: statuses ${JSON.stringify(result.statuses)}`);
  }
  report.note(
    `load average after: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(" ")}`,
  );
  report.save({ cold, kept });
} finally {
  await app.stop();
  removeDataDir(dataDir);
}
