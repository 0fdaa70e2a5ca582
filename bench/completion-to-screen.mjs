import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { launchChromium, VIEWPORT } from "./lib/browser.mjs";
import { createRun, getRun, PIXAZO_KEY, PIXAZO_STATUS_PREFIX } from "./lib/prism-api.mjs";
import { createReport } from "./lib/report.mjs";
import { summarize } from "./lib/stats.mjs";

const PORT = 3803;
const SIMULATOR_PORT = 4830;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
// Long enough for the page to be up and polling before the job ends, as when a person waits.
const STEP_MS = 1_000;

/** Runs in the page before its own scripts: notes when each stored image has loaded. */
function recordImageLoads() {
  window.__imageLoads = [];
  document.addEventListener(
    "load",
    (event) => {
      const target = event.target;
      if (target instanceof HTMLImageElement && target.currentSrc.includes("/api/files/"))
        window.__imageLoads.push(Date.now());
    },
    true,
  );
}

const report = createReport(
  "completion-to-screen",
  "3. Completion to screen: provider finishes → image visible in Chromium",
);
await ensureBuild();
const dataDir = makeDataDir("screen");
const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
const browser = await launchChromium();
try {
  await app.control.settings({ stepMs: STEP_MS, latencyMs: 0 });
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(recordImageLoads);
  const total = [];
  const toStored = [];
  const toSeen = [];
  const storedToScreen = [];
  for (let round = 0; round < ROUNDS; round++) {
    await app.control.clearCalls();
    const run = await createRun(app.origin, `completion to screen ${round}`, {
      "pixazo/z-image-turbo": { num_images: 1 },
    });
    await page.goto(`${app.origin}/runs/${run.id}`);
    const handle = await page.waitForFunction(() => window.__imageLoads[0], undefined, {
      timeout: 30_000,
      polling: "raf",
    });
    const visibleAt = await handle.jsonValue();
    const { completedAt, seenAt } = await providerTimes(app);
    const storedAt = Date.parse((await getRun(app.origin, run.id)).jobs[0].finishedAt);
    total.push(visibleAt - completedAt);
    toSeen.push(seenAt - completedAt);
    toStored.push(storedAt - completedAt);
    storedToScreen.push(visibleAt - storedAt);
  }
  report.method(`
    Production build, built-in simulator with stepMs ${STEP_MS} (pixazo: queued → running → completed). ${ROUNDS} runs of
    pixazo/z-image-turbo, each created through the API and watched on its /runs/:id page in Chromium ${VIEWPORT.width}×${VIEWPORT.height}
    (same polling hook as the playground). Start: the job's completed_at in pixazo's status body. End: the load event of the
    first stored image in the page (Date.now() in the page; one machine, one clock). Split at the job's finishedAt
    (image downloaded, thumbnailed and stored by the runner).`);
  const stats = {
    total: summarize(total),
    toStored: summarize(toStored),
    toSeen: summarize(toSeen),
    storedToScreen: summarize(storedToScreen),
  };
  report.row("completion → visible, median", stats.total.median, "ms");
  // Live results answer a change at once (long-polls), hence a tight p95.
  report.row("completion → visible, p95", stats.total.p95, "ms", { max: 250 });
  report.row("  completion → stored by the runner, median", stats.toStored.median, "ms");
  report.row("  completion → stored by the runner, p95", stats.toStored.p95, "ms");
  report.row("    of which completion → the runner's poll that saw it, median", stats.toSeen.median, "ms");
  report.row("    of which completion → the runner's poll that saw it, p95", stats.toSeen.p95, "ms");
  report.row("  stored → visible in the page, median", stats.storedToScreen.median, "ms");
  report.row("  stored → visible in the page, p95", stats.storedToScreen.p95, "ms", { max: 100 });
  report.save({ stats, samples: { total, toStored, toSeen, storedToScreen } });
} finally {
  await browser.close();
  await app.stop();
  removeDataDir(dataDir);
}

/**
 * The runner polled the job, so the call log names its request id; pixazo's status says when it
 * completed, and the first poll the simulator received after that is the one that saw it.
 */
async function providerTimes({ simulator, control }) {
  const polls = (await control.calls("pixazo")).filter((call) => call.path.startsWith(PIXAZO_STATUS_PREFIX));
  const requestId = polls[0].path.slice(PIXAZO_STATUS_PREFIX.length).split("?")[0];
  const status = await (
    await fetch(`${simulator.pixazo}${PIXAZO_STATUS_PREFIX}${requestId}`, { headers: PIXAZO_KEY })
  ).json();
  const completedAt = Date.parse(status.completed_at);
  const seenAt = Math.min(...polls.map((call) => Date.parse(call.at)).filter((at) => at >= completedAt));
  return { completedAt, seenAt };
}
