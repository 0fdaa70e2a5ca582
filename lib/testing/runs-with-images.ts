import { createRunBodySchema } from "@/lib/api/run-requests";
import type { Database } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertImage } from "@/lib/db/queries/images";
import { createRun } from "@/lib/jobs/create-run";

export const Z_IMAGE_CONFIG = { modelId: "shortapi/z-image", params: { aspect_ratio: "16:9" } };
export const DASHSCOPE_CONFIG = { modelId: "dashscope/z-image-turbo", params: {} };

/**
 * A run on Z-Image and DashScope (or the given configurations) whose jobs each got `perJob` stored
 * images (rows only, no bytes); returns the run and its image ids per job.
 */
export async function runWithImages(
  db: Database,
  prompt: string,
  perJob = 1,
  models: { modelId: string; params: Record<string, unknown> }[] = [Z_IMAGE_CONFIG, DASHSCOPE_CONFIG],
) {
  const run = await createRun(db, createRunBodySchema.parse({ prompt, models }), {});
  const imageIds: string[][] = [];
  for (const job of run.jobs) {
    const ids: string[] = [];
    for (let index = 0; index < perJob; index += 1) {
      const id = newId();
      const key = newId();
      await insertImage(db, {
        id,
        jobId: job.id,
        runId: run.id,
        index,
        blobKey: `${key}.png`,
        thumbnailKey: `${key}.webp`,
        width: 64,
        height: 64,
        contentType: "image/png",
        byteSize: 10,
        sha256: key,
      });
      ids.push(id);
    }
    imageIds.push(ids);
  }
  return { run, imageIds };
}
