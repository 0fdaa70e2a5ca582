import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { createReport } from "./lib/report.mjs";
import { elapsedMs, summarize } from "./lib/stats.mjs";

const PORT = 3811;
const SIMULATOR_PORT = 4874;
const SEQUENTIAL = 20;
const PARALLEL = 8;
const ROUNDS = 2;
/** Noise does not compress: a PNG of this many pixels is just under the 10 MB upload cap. */
const SIDE = 1_800;

const report = createReport("input-upload", "10. Image inputs: a 10 MB PNG uploaded to a stored input");

/** A distinct noise PNG of about 9.7 MB (random pixels: no upload is a duplicate). */
async function noisePng() {
  const pixels = randomBytes(SIDE * SIDE * 3);
  return sharp(pixels, { raw: { width: SIDE, height: SIDE, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Resident memory of the server's process group (next start and its workers), in MB. */
function groupRssMb(pid) {
  const lines = execFileSync("ps", ["-eo", "pgid=,rss="], { encoding: "utf8" }).trim().split("\n");
  const kb = lines
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pgid]) => pgid === pid)
    .reduce((sum, [, rss]) => sum + rss, 0);
  return kb / 1024;
}

async function upload(origin, png) {
  const start = process.hrtime.bigint();
  const response = await fetch(`${origin}/api/inputs`, {
    method: "POST",
    headers: { "content-type": "image/png" },
    body: png,
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${text.slice(0, 200)}`);
  return elapsedMs(start);
}

await ensureBuild();
const dataDir = makeDataDir("input-upload");
const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
try {
  const images = [];
  for (let count = 0; count < SEQUENTIAL + PARALLEL * ROUNDS + 2; count += 1) images.push(await noisePng());
  const sizeMb = summarize(images.map((png) => png.length / 1024 / 1024)).median;
  // Warm-up: the first upload also pays for the route's first compile and sharp's first load.
  for (const png of images.splice(0, 2)) await upload(app.origin, png);

  const sequential = [];
  for (const png of images.splice(0, SEQUENTIAL)) sequential.push(await upload(app.origin, png));

  const rssBefore = groupRssMb(app.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, groupRssMb(app.pid));
  }, 50);
  const parallel = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const batch = images.splice(0, PARALLEL);
    parallel.push(...(await Promise.all(batch.map((png) => upload(app.origin, png)))));
  }
  clearInterval(sampler);
  const rssAfter = groupRssMb(app.pid);

  report.method(`
    The production build (PGlite, local blob store), one client on loopback. Each upload is a distinct ${SIDE}×${SIDE} noise
    PNG of ${sizeMb.toFixed(1)} MB (noise does not compress, so the re-encoded PNG is as large), sent as the raw body of
    POST /api/inputs and timed until its 201: streamed to a temporary file, type sniffed, re-encoded by sharp with every
    metadata block dropped, thumbnail made, both stored content-addressed, row written. After 2 warm-up uploads,
    ${SEQUENTIAL} one at a time, then ${ROUNDS} rounds of ${PARALLEL} at once; the server's resident memory (its whole process
    group) sampled every 50 ms during the parallel rounds.`);
  const one = summarize(sequential);
  const many = summarize(parallel);
  report.row("one at a time, median", one.median, "ms");
  report.row("one at a time, p95", one.p95, "ms", { max: 1_500 });
  report.row(`${PARALLEL} at once, median (each upload)`, many.median, "ms");
  report.row(`${PARALLEL} at once, slowest`, many.max, "ms");
  report.row("server RSS before the parallel rounds", rssBefore, "MB");
  report.row("server RSS peak growth during them", rssPeak - rssBefore, "MB");
  report.row("server RSS growth after them", rssAfter - rssBefore, "MB");
  report.save({ sequential, parallel, rssBefore, rssPeak, rssAfter, sizeMb });
} finally {
  await app.stop();
  removeDataDir(dataDir);
}
