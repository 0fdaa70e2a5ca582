import "server-only";
import type { CompareImagesView } from "@/lib/api/review-views";
import type { Database } from "@/lib/db/client";
import { listImagesWithJobs } from "@/lib/db/queries/images";
import { listRunInputs } from "@/lib/db/queries/inputs";
import { AppError } from "@/lib/errors";
import { storedConfigurationLabel } from "@/lib/labels/names";
import { toImageView, toInputView } from "@/lib/views/to-views";

/** The images of a compare view, in the order asked, with what labels each: configuration, take, params, seed. */
export async function compareImages(db: Database, imageIds: string[]): Promise<CompareImagesView> {
  const rows = await listImagesWithJobs(db, imageIds);
  const found = new Set(rows.map((row) => row.image.id));
  const missing = imageIds.flatMap((id, index) =>
    found.has(id) ? [] : [{ path: `ids.${index}`, message: `Unknown image: ${id}` }],
  );
  if (missing.length > 0) throw new AppError("not_found", "Some images do not exist", { issues: missing });
  const runIds = [...new Set(rows.map((row) => row.image.runId))];
  const inputsByRun = new Map(
    await Promise.all(
      runIds.map(async (runId) => [runId, (await listRunInputs(db, runId)).map(toInputView)] as const),
    ),
  );
  return {
    images: rows.map(({ image, job, prompt, config }) => ({
      image: toImageView(image),
      runId: image.runId,
      inputs: inputsByRun.get(image.runId) ?? [],
      prompt,
      modelId: job.modelId,
      configuration: storedConfigurationLabel(config ?? job),
      take: job.take,
      params: job.params,
      seed: typeof job.params.seed === "number" ? job.params.seed : null,
    })),
  };
}
