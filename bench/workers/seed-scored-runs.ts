/**
 * RUNS finished three-model runs as a bulk import leaves them (one image per job, a job in 20
 * failed, a run in 10 starred, a run in 50 shared as a blind review with three ballots), written
 * straight through drizzle in batches. The scorecard and prompt-search benches seed with it.
 */
import type { Database } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { ballots, galleries, galleryImages, images, jobs, runs } from "@/lib/db/schema";
import { seedImageRow, seedJobRow, seedRunRow } from "./seed-rows";

const BATCH = 500;
export const SEEDED_MODELS = [
  { modelId: "shortapi/z-image", providerId: "shortapi", params: { aspect_ratio: "1:1" }, seconds: 6 },
  { modelId: "pixazo/z-image-turbo", providerId: "pixazo", params: { image_size: "square_1_1" }, seconds: 3 },
  { modelId: "dashscope/z-image-turbo", providerId: "dashscope", params: { size: "1024*1024" }, seconds: 14 },
] as const;
/** Each run's prompt is "seeded N: <one of these>, studio light". */
export const SEEDED_SUBJECTS = [
  "a lighthouse at dusk",
  "a packaging shot of tea",
  "a fox in snow",
  "a ceramic mug",
];

export async function seedScoredRuns(db: Database, count: number) {
  const start = Date.now();
  for (let offset = 0; offset < count; offset += BATCH) {
    const runRows = [];
    const jobRows = [];
    const imageRows = [];
    const galleryRows = [];
    const galleryImageRows: { galleryId: string; imageId: string; position: number }[] = [];
    const ballotRows = [];
    for (let index = offset; index < Math.min(count, offset + BATCH); index++) {
      const createdAt = new Date(start - (count - index) * 60_000);
      const prompt = `seeded ${index}: ${SEEDED_SUBJECTS[index % SEEDED_SUBJECTS.length]}, studio light`;
      const run = seedRunRow(prompt, SEEDED_MODELS, createdAt);
      runRows.push(run);
      const runImages: { id: string; modelIndex: number }[] = [];
      for (const [position, { seconds, ...model }] of SEEDED_MODELS.entries()) {
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
  return { runs: count, jobs: count * SEEDED_MODELS.length, seedMs: Date.now() - start };
}
