import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { launchChromium, VIEWPORT } from "./lib/browser.mjs";
import { domNodes, watchImages } from "./lib/page-metrics.mjs";
import { createMatrixRun, getRun } from "./lib/prism-api.mjs";
import { createReport } from "./lib/report.mjs";

const PORT = 3809;
const SIMULATOR_PORT = 4890;
const STEP_MS = 300;

/** Eight columns: the same model several times with different settings, as designers compare. */
const CONFIGS = [
  { modelId: "shortapi/flux-1.0", params: { performance: "dev" } },
  { modelId: "pixazo/z-image-turbo", params: { num_images: 2 } },
  { modelId: "shortapi/flux-1.0", params: { performance: "schnell" } },
  { modelId: "dashscope/z-image-turbo", params: {} },
  { modelId: "shortapi/z-image", params: {} },
  { modelId: "pixazo/z-image-base", params: { num_inference_steps: 12 } },
  { modelId: "pixazo/z-image-base", params: { num_inference_steps: 28 } },
  { modelId: "shortapi/gpt-image-2", params: {} },
];
// 12 × 8 is 96 jobs, twice the per-run limit (48): each case is at the limit in one dimension of it.
const CASES = [
  { prompts: 12, configs: 4 },
  { prompts: 6, configs: 8 },
];

/** In the page: true once every job of the run is terminal and every image in the DOM has loaded. */
/** The finished run's page in a fresh context (empty cache) at a density: DOM nodes and image bytes. */
async function coldLoad(runId, density) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript((value) => localStorage.setItem("prism:density", value), density);
  const page = await context.newPage();
  const images = watchImages(page);
  await page.goto(`${app.origin}/runs/${runId}`);
  await page.waitForFunction(matrixDrawn, undefined, { timeout: 60_000, polling: 50 });
  await page.waitForLoadState("networkidle");
  const result = { domNodes: await domNodes(page), ...images.total() };
  await context.close();
  return result;
}

function matrixDrawn() {
  const progress = [...document.querySelectorAll("[role=status]")].some((element) =>
    element.textContent?.includes("Finished"),
  );
  const images = [...document.querySelectorAll("main img")];
  return progress && images.length > 0 && images.every((image) => image.complete && image.naturalWidth > 0);
}

const report = createReport("matrix", "7. Matrix: a 12-prompt and an 8-configuration run, Generate → drawn");
await ensureBuild();
const dataDir = makeDataDir("matrix");
const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
const browser = await launchChromium();
try {
  await app.control.settings({ stepMs: STEP_MS, latencyMs: STEP_MS });
  report.method(`
    POST /api/runs of N prompts × M configurations (simulator, ${STEP_MS} ms per job step), then at once the run page
    in a fresh Chromium context ${VIEWPORT.width}×${VIEWPORT.height}. Drawn: the run reads "Finished" and every image
    in the DOM has loaded. Then DOM nodes (document.getElementsByTagName("*")) and the body bytes of every image
    response so far, before any scrolling, in the default density (large up to 4 columns, compact above); then
    the same in a fresh context with the Thumbnails density.`);
  const results = [];
  for (const size of CASES) results.push(await measure(size));
  report.save({ results });
} finally {
  await browser.close();
  await app.stop();
  removeDataDir(dataDir);
}

async function measure({ prompts, configs }) {
  const label = `${prompts} × ${configs}`;
  const models = CONFIGS.slice(0, configs);
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const images = watchImages(page);
  const started = Date.now();
  const { id } = await createMatrixRun(app.origin, {
    prompts: Array.from({ length: prompts }, (_, index) => `matrix lighthouse, variant ${index + 1}`),
    models,
  });
  await page.goto(`${app.origin}/runs/${id}`);
  await page.getByRole("table", { name: "Results matrix" }).waitFor();
  const firstPaint = Date.now() - started;
  await page.waitForFunction(matrixDrawn, undefined, { timeout: 180_000, polling: 50 });
  const drawn = Date.now() - started;
  await page.waitForLoadState("networkidle");
  const first = { domNodes: await domNodes(page), ...images.total() };
  const run = await getRun(app.origin, id);

  await context.close();
  const thumbnails = await coldLoad(id, "contact");
  // Above four columns the default is compact: large cards for comparison.
  const large = configs > 4 ? await coldLoad(id, "large") : null;

  const imageCount = run.jobs.reduce((total, job) => total + job.images.length, 0);
  report.row(`${label}: Generate → matrix on screen`, firstPaint, "ms");
  report.row(`${label}: Generate → matrix fully drawn`, drawn, "ms");
  report.row(`${label}: DOM nodes before scrolling`, first.domNodes, "nodes", { max: 1500 });
  report.row(`${label}: image bytes before scrolling (${first.images} images)`, first.imageKb, "kB", {
    max: 1500,
  });
  if (large) {
    report.row(`${label}: large cards: DOM nodes`, large.domNodes, "nodes", { max: 1500 });
    report.row(`${label}: large cards: image bytes (${large.images} images)`, large.imageKb, "kB", {
      max: 1500,
    });
  }
  report.row(`${label}: thumbnails: DOM nodes`, thumbnails.domNodes, "nodes", { max: 1500 });
  report.row(`${label}: thumbnails: image bytes (${thumbnails.images} images)`, thumbnails.imageKb, "kB", {
    max: 1500,
  });
  report.note(`${label}: ${run.jobs.length} jobs, ${imageCount} images in the run`);
  return { prompts, configs, firstPaint, drawn, first, large, thumbnails, imageCount };
}
