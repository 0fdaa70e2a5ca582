import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { launchChromium, VIEWPORT } from "./lib/browser.mjs";
import { createRun } from "./lib/prism-api.mjs";
import { createReport } from "./lib/report.mjs";

const PORT = 3808;
const SIMULATOR_PORT = 4880;
// pixazo goes queued → running → completed one step apart: two steps make a run of about 60 s.
const RUN_SECONDS = Number(process.env.BENCH_WATCH_S ?? 60);
const STEP_MS = (RUN_SECONDS * 1_000) / 2;
/** What a watching tab asks the app for; documents, scripts and images are not polling. */
const POLLING_TYPES = new Set(["fetch", "xhr", "eventsource", "websocket"]);

const report = createReport("watch-requests", "8. Requests of one tab watching a run that takes 60 s");
await ensureBuild();
const dataDir = makeDataDir("watch");
const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
const browser = await launchChromium();
try {
  await app.control.settings({ stepMs: STEP_MS, latencyMs: 0 });
  const page = await browser.newPage({ viewport: VIEWPORT });
  const requests = [];
  page.on("request", (request) => {
    if (POLLING_TYPES.has(request.resourceType())) requests.push(new URL(request.url()).pathname);
  });
  const run = await createRun(app.origin, "a slow lighthouse", { "pixazo/z-image-turbo": { num_images: 1 } });
  const startedAt = Date.now();
  await page.goto(`${app.origin}/runs/${run.id}`);
  await page.waitForFunction(
    () => [...document.images].some((image) => image.complete && image.currentSrc.includes("/api/files/")),
    undefined,
    { timeout: RUN_SECONDS * 3_000, polling: 250 },
  );
  const minutes = (Date.now() - startedAt) / 60_000;
  const byPath = {};
  for (const path of requests) byPath[path] = (byPath[path] ?? 0) + 1;
  report.method(`
    Production build, built-in simulator with stepMs ${STEP_MS} (pixazo: queued → running → completed, so the job takes about
    ${RUN_SECONDS} s). One pixazo/z-image-turbo run opened on its /runs/:id page in Chromium right after it was created, until its
    image is on screen. Counted: every fetch, XHR, EventSource or WebSocket request the page made meanwhile.`);
  report.row("watching time", minutes * 60, "s");
  report.row("requests of the tab", requests.length, "");
  report.row("requests per minute", requests.length / minutes, "req/min", { max: 6 });
  report.save({ requests: byPath, minutes });
} finally {
  await browser.close();
  await app.stop();
  removeDataDir(dataDir);
}
