import "server-only";
import type { PatchImageBody } from "@/lib/api/image-requests";
import type { ImageView } from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import { updateImageAnnotations } from "@/lib/db/queries/images";
import { AppError } from "@/lib/errors";
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
  // Stars and notes change finished runs too, which are served from memory: this instance's copy goes
  // at once, the others' when the database's notice of the new version reaches them.
  forgetRun(row.runId);
  return toImageView(row);
}
