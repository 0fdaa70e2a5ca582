import { gzipSync } from "node:zlib";
import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { launchChromium, VIEWPORT } from "./lib/browser.mjs";
import { createGallery, createRun, THREE_MODELS, waitForRunSucceeded } from "./lib/prism-api.mjs";
import { createReport } from "./lib/report.mjs";
import { summarize } from "./lib/stats.mjs";

const PORT = 3804;
const SIMULATOR_PORT = 4840;
const COLD_LOADS = 5;

const report = createReport("first-load", "4. First-load JavaScript and navigation → load");
await ensureBuild();
const dataDir = makeDataDir("first-load");
const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
const browser = await launchChromium();
try {
  await app.control.settings({ stepMs: 20, latencyMs: 0 });
  const run = await createRun(app.origin, "a lighthouse at dusk", THREE_MODELS);
  await waitForRunSucceeded(app.origin, run.id);
  const { slug } = await createGallery(app.origin, { runIds: [run.id] });
  const pages = [
    { label: "playground /", url: `${app.origin}/`, target: 160 },
    { label: "share page /g/:slug", url: `${app.origin}/g/${slug}`, target: 145 },
  ];
  report.method(`
    Production build. Scripts: every request of type "script" Chromium made until the load event, i.e. what a modern
    browser runs for the page (nomodule polyfills are not fetched); each fetched again, compressed with zlib gzip
    level 9, summed. Scripts fetched after load (the playground's workspace, Next prefetching the routes of visible links) are shown apart. Navigation → load: a fresh browser context (empty cache) per load, after one warm-up
    load of the server, PerformanceNavigationTiming.loadEventEnd; median of ${COLD_LOADS}. Viewport ${VIEWPORT.width}×${VIEWPORT.height}.`);
  const results = {};
  for (const page of pages) {
    const scripts = await scriptUrls(page.url);
    const totalKb = await gzippedKb(scripts.own);
    const afterLoadKb = await gzippedKb(scripts.afterLoad);
    await coldLoad(page.url);
    const loads = [];
    for (let index = 0; index < COLD_LOADS; index++) loads.push(await coldLoad(page.url));
    const load = summarize(loads.map((timing) => timing.loadMs));
    const firstByte = summarize(loads.map((timing) => timing.firstByteMs));
    results[page.label] = { scripts, totalKb, afterLoadKb, loads };
    report.row(`${page.label}: JS, gzip -9 (${scripts.own.length} scripts)`, totalKb, "kB", {
      max: page.target,
    });
    report.row(`${page.label}: + fetched after load`, afterLoadKb, "kB");
    report.row(`${page.label}: navigation → load, cold, median`, load.median, "ms", { max: 300 });
    report.row(`${page.label}:   of which → first byte of HTML`, firstByte.median, "ms");
  }
  report.save({ results });
} finally {
  await browser.close();
  await app.stop();
  removeDataDir(dataDir);
}

/**
 * Scripts fetched until the load event: the page's own. Whatever comes after (chunks the page
 * imports once loaded, Next prefetching the routes its links point to, on idle) is returned apart,
 * for context.
 */
async function scriptUrls(url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const own = new Set();
  const afterLoad = new Set();
  let loaded = false;
  page.on("request", (request) => {
    if (request.resourceType() === "script") (loaded ? afterLoad : own).add(request.url());
  });
  page.once("load", () => (loaded = true));
  await page.goto(url, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  await context.close();
  return { own: [...own], afterLoad: [...afterLoad].filter((script) => !own.has(script)) };
}

async function gzippedKb(urls) {
  const sizes = await Promise.all(
    urls.map(
      async (url) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length,
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0) / 1000;
}

async function coldLoad(url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0];
    return { loadMs: navigation.loadEventEnd, firstByteMs: navigation.responseStart };
  });
  await context.close();
  return timing;
}
