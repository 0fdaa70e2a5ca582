/**
 * Fills DATA_DIR's database with RUNS finished three-model runs (one stored image per job) straight
 * through drizzle: the state a server boots with after months of use, in seconds rather than the
 * hours the API and the runner would take. The blob keys point nowhere; booting never reads them.
 * Started by bench/cold-start.mjs through tsx; prints one JSON line.
 */
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { images, jobs, runs } from "@/lib/db/schema";
import { seedImageRow, seedJobRow, seedRunRow } from "./seed-rows";

const RUNS = Number(process.env.BENCH_RUNS ?? 1000);
const BATCH = 100;
const MODELS = [
  { modelId: "shortapi/z-image", providerId: "shortapi", params: { aspect_ratio: "1:1", num_images: 1 } },
  {
    modelId: "pixazo/z-image-turbo",
    providerId: "pixazo",
    params: { image_size: "square_1_1", num_images: 1 },
  },
  {
    modelId: "dashscope/z-image-turbo",
    providerId: "dashscope",
    params: { size: "1024*1024", prompt_extend: false },
  },
] as const;

const handle = await openDatabase({
  engine: "pglite",
  dataDir: path.join(process.env.DATA_DIR ?? "", "pglite"),
});
const start = Date.now();
try {
  for (let offset = 0; offset < RUNS; offset += BATCH) {
    const runRows = [];
    const jobRows = [];
    const imageRows = [];
    for (let index = offset; index < Math.min(RUNS, offset + BATCH); index++) {
      const createdAt = new Date(start - (RUNS - index) * 60_000);
      const finishedAt = new Date(createdAt.getTime() + 8_000);
      const prompt = `seeded prompt ${index}: a lighthouse at dusk, oil painting`;
      const run = seedRunRow(prompt, MODELS, createdAt);
      runRows.push(run);
      for (const [position, model] of MODELS.entries()) {
        const job = seedJobRow({
          runId: run.id,
          position,
          prompt,
          model,
          failed: false,
          costUsd: 0.004,
          createdAt,
          finishedAt,
        });
        jobRows.push(job);
        imageRows.push(seedImageRow({ jobId: job.id, runId: run.id, createdAt: finishedAt }));
      }
    }
    await handle.db.insert(runs).values(runRows);
    await handle.db.insert(jobs).values(jobRows);
    await handle.db.insert(images).values(imageRows);
  }
  console.log(
    JSON.stringify({
      runs: RUNS,
      jobs: RUNS * MODELS.length,
      images: RUNS * MODELS.length,
      seedMs: Date.now() - start,
    }),
  );
} finally {
  await handle.close();
}
