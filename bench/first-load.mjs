import { gzipSync } from "node:zlib";
import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { launchChromium, VIEWPORT } from "./lib/browser.mjs";
import { createGallery, createRun, setSimulatorSettings, waitForRunSucceeded } from "./lib/prism-api.mjs";
import { createReport } from "./lib/report.mjs";
import { summarize } from "./lib/stats.mjs";

const PORT = 3804;
const SIMULATOR_PORT = 4840;
const COLD_LOADS = 5;
const THREE_MODELS = { "shortapi/z-image": {}, "pixazo/z-image-turbo": {}, "dashscope/z-image-turbo": {} };

const report = createReport("first-load", "4. First-load JavaScript and navigation → load");
await ensureBuild();
const dataDir = makeDataDir("first-load");
const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
const browser = await launchChromium();
try {
  await setSimulatorSettings(app.simulator, { stepMs: 20, latencyMs: 0 });
  const run = await createRun(app.origin, "a lighthouse at dusk", THREE_MODELS);
  await waitForRunSucceeded(app.origin, run.id);
  const { slug } = await createGallery(app.origin, { runIds: [run.id] });
  const pages = [
    { label: "playground /", url: `${app.origin}/`, target: 160 },
    { label: "share page /g/:slug", url: `${app.origin}/g/${slug}`, target: 145 },
  ];
  report.method(`
    Production build. Scripts: every response of type "script" Chromium fetched while loading the page (until network
    idle), i.e. what a modern browser runs (nomodule polyfills are not fetched); each fetched again and compressed
    with zlib gzip level 9, then summed. Navigation → load: a fresh browser context (empty cache) per load, after one warm-up
    load of the server, PerformanceNavigationTiming.loadEventEnd; median of ${COLD_LOADS}. Viewport ${VIEWPORT.width}×${VIEWPORT.height}.`);
  const results = {};
  for (const page of pages) {
    const scripts = await scriptUrls(page.url);
    const sizes = await Promise.all(scripts.map(gzippedSize));
    const totalKb = sizes.reduce((sum, size) => sum + size, 0) / 1000;
    await coldLoadMs(page.url);
    const loads = [];
    for (let index = 0; index < COLD_LOADS; index++) loads.push(await coldLoadMs(page.url));
    const load = summarize(loads);
    results[page.label] = { scripts: scripts.length, totalKb, loads };
    report.row(`${page.label}: JS, gzip -9 (${scripts.length} scripts)`, totalKb, "kB", { max: page.target });
    report.row(`${page.label}: navigation → load, cold, median`, load.median, "ms", { max: 300 });
  }
  report.save({ results });
} finally {
  await browser.close();
  await app.stop();
  removeDataDir(dataDir);
}

async function scriptUrls(url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const urls = new Set();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") urls.add(response.url());
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await context.close();
  return [...urls];
}

async function gzippedSize(url) {
  const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
  return gzipSync(bytes, { level: 9 }).length;
}

async function coldLoadMs(url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const ms = await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd);
  await context.close();
  return ms;
}
