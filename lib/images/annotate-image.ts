import "server-only";
import type { PatchImageBody } from "@/lib/api/image-requests";
import type { ImageView } from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import { updateImageAnnotations } from "@/lib/db/queries/images";
import { AppError } from "@/lib/errors";
import { publishChange } from "@/lib/changes/change-feed";
import { forgetRun } from "@/lib/runs/finished-run-cache";
import { toImageView } from "@/lib/views/to-views";

/** Stars an image and/or sets its note (an empty note clears it). */
export async function annotateImage(
  db: Database,
  imageId: string,
  patch: PatchImageBody,
): Promise<ImageView> {
  const row = await updateImageAnnotations(db, imageId, {
    ...(patch.starred !== undefined ? { starred: patch.starred } : {}),
    ...(patch.note !== undefined ? { note: patch.note.trim() || null } : {}),
  });
  if (!row) throw new AppError("not_found", "No image with this id");
  // A finished run is served from memory; its stars and notes are the one thing that still changes.
  forgetRun(row.runId);
  await publishChange(db, { kind: "run-changed", runId: row.runId });
  return toImageView(row);
}
