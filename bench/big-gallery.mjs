import { setTimeout as sleep } from "node:timers/promises";
import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { launchChromium, VIEWPORT } from "./lib/browser.mjs";
import { createGallery, createRun, waitForRunSucceeded } from "./lib/prism-api.mjs";
import { domNodes, watchImages } from "./lib/page-metrics.mjs";
import { createReport } from "./lib/report.mjs";

const PORT = 3806;
const SIMULATOR_PORT = 4860;
const IMAGES = 500;
const IMAGES_PER_RUN = 4;
const RUNS_IN_FLIGHT = 8;

const report = createReport("big-gallery", `6. Big gallery: a share page with ${IMAGES} images`);
await ensureBuild();
const dataDir = makeDataDir("gallery");
const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
const browser = await launchChromium();
try {
  const seedStart = performance.now();
  const runIds = await seedRuns(IMAGES / IMAGES_PER_RUN);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const { slug } = await createGallery(app.origin, { title: "Five hundred lighthouses", runIds });

  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const loadedImages = watchImages(page);
  await page.goto(`${app.origin}/g/${slug}`, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  const top = { domNodes: await domNodes(page), ...loadedImages.total() };
  await scrollToBottom(page);
  const bottom = { domNodes: await domNodes(page), ...loadedImages.total() };
  await context.close();

  report.method(`
    ${runIds.length} runs of pixazo/z-image-turbo × ${IMAGES_PER_RUN} images (1024×1024) made through the API on the simulator (${seedSeconds.toFixed(0)} s),
    shared as one gallery (POST /api/galleries). Chromium ${VIEWPORT.width}×${VIEWPORT.height}, fresh context: load + network idle, then
    DOM nodes (document.getElementsByTagName("*")) and the body bytes of every image response so far (Playwright);
    then scrolled down one screen at a time until the end, waiting for the network each step, and counted again.`);
  report.row("DOM nodes at the top", top.domNodes, "nodes", { max: 800 });
  report.row("DOM nodes at the bottom", bottom.domNodes, "nodes", { max: 800 });
  report.row("image bytes before scrolling", top.imageKb, "kB", { max: 1000 });
  report.row("images loaded before scrolling", top.images, "");
  report.row("image bytes after scrolling to the end", bottom.imageKb, "kB");
  report.save({ top, bottom, seedSeconds });
} finally {
  await browser.close();
  await app.stop();
  removeDataDir(dataDir);
}

async function seedRuns(count) {
  await app.control.settings({ stepMs: 10, latencyMs: 0 });
  const runIds = [];
  for (let offset = 0; offset < count; offset += RUNS_IN_FLIGHT) {
    const wave = Array.from({ length: Math.min(RUNS_IN_FLIGHT, count - offset) }, async (_, index) => {
      const run = await createRun(app.origin, `gallery lighthouse ${offset + index}`, {
        "pixazo/z-image-turbo": { num_images: IMAGES_PER_RUN, image_size: "square_1_1" },
      });
      await waitForRunSucceeded(app.origin, run.id, 120_000);
      return run.id;
    });
    runIds.push(...(await Promise.all(wave)));
  }
  return runIds;
}

async function scrollToBottom(page) {
  for (let step = 0; step < 2_000; step++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    await page.waitForLoadState("networkidle");
    await sleep(50);
    if (atEnd) return;
  }
  throw new Error("never reached the end of the page");
}
