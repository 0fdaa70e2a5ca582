import { setTimeout as sleep } from "node:timers/promises";
import { makeDataDir, removeDataDir, startApp, ensureBuild } from "./lib/app-server.mjs";
import { createHttpClient } from "./lib/http-client.mjs";
import {
  createRun,
  modelDefaults,
  PIXAZO_KEY,
  PIXAZO_STATUS_PREFIX,
  PIXAZO_SUBMIT_PATH,
  THREE_MODELS,
  waitForRunSucceeded,
} from "./lib/prism-api.mjs";
import { createReport } from "./lib/report.mjs";
import { summarize } from "./lib/stats.mjs";

const PORT = 3801;
const SIMULATOR_PORT = 4810;
const WARMUP_ROUNDS = 100;
const ROUNDS = 600;
// Lets the runner finish the background work of the previous submit before the next sample.
const PAUSE_BETWEEN_ROUNDS_MS = 15;

const report = createReport(
  "proxy-overhead",
  "1. Proxy overhead: submit and status read, Prism vs. the simulator directly",
);
await ensureBuild();
const dataDir = makeDataDir("proxy");
const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
const client = createHttpClient();
try {
  // A finished three-model run to read back, and a finished pixazo job to read directly.
  await app.control.settings({ stepMs: 20, latencyMs: 0 });
  const finishedRun = await createRun(app.origin, "a lighthouse at dusk", THREE_MODELS);
  await waitForRunSucceeded(app.origin, finishedRun.id);
  const submitDirect = (prompt) =>
    client.request("POST", `${app.simulator.pixazo}${PIXAZO_SUBMIT_PATH}`, {
      body: { prompt, image_size: "square_1_1" },
      headers: PIXAZO_KEY,
    });
  const directJob = JSON.parse((await submitDirect("a lighthouse at dusk")).text);
  await sleep(200);
  // From here on, direct jobs stay queued (no background work), and Prism's submits are refused at
  // once by DashScope ([sim:fail]), so each costs the runner one quick call and no image.
  await app.control.settings({ stepMs: 3_600_000, latencyMs: 0 });

  const runUrl = `${app.origin}/api/runs/${finishedRun.id}`;
  const failingModels = [
    {
      modelId: "dashscope/z-image-turbo",
      params: await modelDefaults(app.origin, "dashscope/z-image-turbo"),
    },
  ];
  const etag = (await client.request("GET", runUrl)).headers.etag;
  const calls = {
    "submit via Prism (POST /api/runs → 202)": (round) =>
      client.request("POST", `${app.origin}/api/runs`, {
        body: { prompt: `bench ${round} [sim:fail]`, models: failingModels },
      }),
    "submit direct (pixazo create → 202)": (round) => submitDirect(`bench ${round}`),
    "status via Prism (GET /api/runs/:id → 200)": () => client.request("GET", runUrl),
    "status via Prism (If-None-Match → 304)": () =>
      client.request("GET", runUrl, { headers: { "if-none-match": etag } }),
    "status direct (pixazo status → 200)": () =>
      client.request("GET", `${app.simulator.pixazo}${PIXAZO_STATUS_PREFIX}${directJob.request_id}`, {
        headers: PIXAZO_KEY,
      }),
  };
  const samples = Object.fromEntries(Object.keys(calls).map((name) => [name, []]));
  const accepted = new Map();
  const dispatchMs = [];
  await app.control.clearCalls();
  const names = Object.keys(calls);
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    // Interleaved, and the order flips every round, so drift and warm caches hit both sides alike.
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const response = await calls[name](round);
      if (response.status >= 400)
        throw new Error(`${name}: HTTP ${response.status} ${response.text.slice(0, 200)}`);
      if (round >= WARMUP_ROUNDS) samples[name].push(response.ms);
      if (name.startsWith("submit via Prism")) accepted.set(`bench ${round} [sim:fail]`, Date.now());
    }
    await sleep(PAUSE_BETWEEN_ROUNDS_MS);
    // The call log keeps 2,000 records, so it is read and emptied as we go.
    if (round % 100 === 99) dispatchMs.push(...(await takeDispatchDelays(app.control, accepted)));
  }
  const dispatch = summarize(dispatchMs);

  report.method(`
    Production build (next start) and its built-in simulator on loopback; one keep-alive connection per side,
    ${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up rounds, each request timed from first byte written to last byte read.
    Like with like: POST /api/runs validates, stores the run and answers 202 *before* any provider call (the runner
    submits in the background), so it is compared with a provider accepting a job (pixazo's 202). A status read through
    Prism is a finished three-model run (from memory after its first read); directly it is one pixazo job's status.`);
  const stats = Object.fromEntries(names.map((name) => [name, summarize(samples[name])]));
  for (const name of names) {
    report.row(`${name} median`, stats[name].median, "ms");
    report.row(`${name} p99`, stats[name].p99, "ms");
  }
  const directSubmit = stats["submit direct (pixazo create → 202)"];
  const directStatus = stats["status direct (pixazo status → 200)"];
  report.row(
    "added by Prism, submit, median",
    stats["submit via Prism (POST /api/runs → 202)"].median - directSubmit.median,
    "ms",
    { max: 1 },
  );
  report.row(
    "added by Prism, submit, p99",
    stats["submit via Prism (POST /api/runs → 202)"].p99 - directSubmit.p99,
    "ms",
  );
  report.row(
    "added by Prism, status 200, median",
    stats["status via Prism (GET /api/runs/:id → 200)"].median - directStatus.median,
    "ms",
    { max: 1 },
  );
  report.row(
    "added by Prism, status 200, p99",
    stats["status via Prism (GET /api/runs/:id → 200)"].p99 - directStatus.p99,
    "ms",
  );
  report.row(
    "added by Prism, status 304, median",
    stats["status via Prism (If-None-Match → 304)"].median - directStatus.median,
    "ms",
    { max: 1 },
  );
  report.row("runner dispatch: 202 → provider gets create, median", dispatch.median, "ms");
  report.row("runner dispatch: 202 → provider gets create, p99", dispatch.p99, "ms");
  report.note(
    "dispatch is from the client's 202 to the simulator's call log (millisecond clock), for context",
  );
  report.save({ stats, dispatch });
} finally {
  client.close();
  await app.stop();
  removeDataDir(dataDir);
}

/**
 * For each submit through Prism since the last call: when the simulator logged the runner's create
 * call, minus when the 202 arrived. Empties the call log.
 */
async function takeDispatchDelays(control, acceptedAt) {
  const log = await control.calls("dashscope");
  await control.clearCalls();
  return log.flatMap((call) => {
    const at = acceptedAt.get(call.body?.input?.messages?.[0]?.content?.[0]?.text);
    return at === undefined ? [] : [Date.parse(call.at) - at];
  });
}
