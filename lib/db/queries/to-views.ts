import type { ImageView, JobView } from "@/lib/api/views";
import type { ImageRow, JobRow } from "../schema";

/** Stored bytes are served by the app itself (app/api/files), never from a provider URL. */
export function fileUrl(blobKey: string): string {
  return `/api/files/${blobKey}`;
}

export function toImageView(image: ImageRow): ImageView {
  return {
    id: image.id,
    url: fileUrl(image.blobKey),
    thumbnailUrl: fileUrl(image.thumbnailKey),
    width: image.width,
    height: image.height,
    contentType: image.contentType,
    byteSize: image.byteSize,
    index: image.index,
  };
}

export function toJobView(job: JobRow, jobImages: ImageRow[]): JobView {
  return {
    id: job.id,
    modelId: job.modelId,
    params: job.params,
    status: job.status,
    images: jobImages.map(toImageView),
    ...(job.errorCode ? { error: { code: job.errorCode, message: job.errorMessage ?? job.errorCode } } : {}),
    estimatedCostUsd: job.estimatedCostUsd,
    ...(job.costUsd !== null ? { costUsd: job.costUsd } : {}),
    notes: job.notes,
    createdAt: job.createdAt.toISOString(),
    ...(job.startedAt ? { startedAt: job.startedAt.toISOString() } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt.toISOString() } : {}),
  };
}
