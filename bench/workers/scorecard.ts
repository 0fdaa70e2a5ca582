/**
 * The scorecard on a database of RUNS finished three-model runs (one image per job, a job in 20
 * failed, a run in 10 starred, a run in 50 shared as a blind review with three ballots), written
 * straight through drizzle; then GET /api/scorecard's work (getScorecard) timed unfiltered and with
 * a prompt search. ENGINE=postgres uses DATABASE_URL; anything else an in-memory PGlite.
 * Started by bench/scorecard.mjs through tsx; prints one JSON line.
 */
import { openDatabase } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { ballots, galleries, galleryImages, images, jobs, runs } from "@/lib/db/schema";
import { scorecardQuerySchema } from "@/lib/api/scorecard-requests";
import { getScorecard } from "@/lib/scorecard/scorecard";
import { seedImageRow, seedJobRow, seedRunRow } from "./seed-rows";

const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
const SAMPLES = 7;
const BATCH = 500;
const MODELS = [
  { modelId: "shortapi/z-image", providerId: "shortapi", params: { aspect_ratio: "1:1" }, seconds: 6 },
  { modelId: "pixazo/z-image-turbo", providerId: "pixazo", params: { image_size: "square_1_1" }, seconds: 3 },
  { modelId: "dashscope/z-image-turbo", providerId: "dashscope", params: { size: "1024*1024" }, seconds: 14 },
] as const;
const SUBJECTS = ["a lighthouse at dusk", "a packaging shot of tea", "a fox in snow", "a ceramic mug"];

const engine = process.env.ENGINE === "postgres" ? "postgres" : "pglite";
const handle =
  engine === "postgres"
    ? await openDatabase({ engine: "postgres", url: process.env.DATABASE_URL! })
    : await openDatabase({ engine: "pglite", dataDir: "memory://" });
const { db } = handle;

async function seed() {
  const start = Date.now();
  for (let offset = 0; offset < RUNS; offset += BATCH) {
    const runRows = [];
    const jobRows = [];
    const imageRows = [];
    const galleryRows = [];
    const galleryImageRows: { galleryId: string; imageId: string; position: number }[] = [];
    const ballotRows = [];
    for (let index = offset; index < Math.min(RUNS, offset + BATCH); index++) {
      const createdAt = new Date(start - (RUNS - index) * 60_000);
      const prompt = `seeded ${index}: ${SUBJECTS[index % SUBJECTS.length]}, studio light`;
      const run = seedRunRow(prompt, MODELS, createdAt);
      runRows.push(run);
      const runImages: { id: string; modelIndex: number }[] = [];
      for (const [position, { seconds, ...model }] of MODELS.entries()) {
        const failed = (index + position) % 20 === 0;
        const finishedAt = new Date(createdAt.getTime() + (seconds + (index % 7)) * 1000);
        const costUsd = 0.004 * (position + 1);
        const job = seedJobRow({
          runId: run.id,
          position,
          prompt,
          model,
          failed,
          costUsd,
          createdAt,
          finishedAt,
        });
        jobRows.push(job);
        if (failed) continue;
        const image = seedImageRow({
          jobId: job.id,
          runId: run.id,
          createdAt: finishedAt,
          starred: index % 10 === position,
        });
        imageRows.push(image);
        runImages.push({ id: image.id, modelIndex: position });
      }
      if (index % 50 === 0 && runImages.length > 1) {
        const galleryId = newId();
        galleryRows.push({
          id: galleryId,
          slug: newId(),
          title: prompt,
          reviewMode: "blind" as const,
          createdAt,
        });
        runImages.forEach(({ id }, position) => galleryImageRows.push({ galleryId, imageId: id, position }));
        for (let reviewer = 0; reviewer < 3; reviewer++) {
          const choice = runImages[(index + reviewer) % runImages.length]!;
          ballotRows.push({ galleryId, reviewerId: newId(), promptKey: `key-${index}`, imageId: choice.id });
        }
      }
    }
    await db.insert(runs).values(runRows);
    await db.insert(jobs).values(jobRows);
    await db.insert(images).values(imageRows);
    if (galleryRows.length > 0) {
      await db.insert(galleries).values(galleryRows);
      await db.insert(galleryImages).values(galleryImageRows);
      await db.insert(ballots).values(ballotRows);
    }
  }
  return { runs: RUNS, jobs: RUNS * MODELS.length, seedMs: Date.now() - start };
}

async function time(query: Record<string, string>) {
  const scope = scorecardQuerySchema.parse(query);
  await getScorecard(db, scope); // warm-up: plans and caches
  const samples: number[] = [];
  let models = 0;
  for (let sample = 0; sample < SAMPLES; sample++) {
    const start = process.hrtime.bigint();
    models = (await getScorecard(db, scope)).models.length;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { samples, models };
}

try {
  const seeded = await seed();
  const all = await time({});
  const search = await time({ q: "packaging shot" });
  console.log(JSON.stringify({ engine, seeded, all, search }));
} finally {
  await handle.close();
}
