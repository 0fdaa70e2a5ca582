import "server-only";
import type { PatchGalleryInput } from "@/lib/api/gallery-requests";
import type { GallerySummary } from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import { findOwnedGallery, getGallerySummaryRow, updateGallery } from "@/lib/db/queries/galleries";
import { toGallerySummary } from "@/lib/views/to-views";
import { galleryNotFound } from "@/lib/errors";

/** The owner edits a link after sharing: title, note, expiry (null = never), hiding notes (review options: lib/reviews). */
export async function editGallery(
  db: Database,
  slug: string,
  patch: PatchGalleryInput,
): Promise<GallerySummary> {
  const changes = {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.note !== undefined ? { note: patch.note || null } : {}),
    ...(patch.expiresAt !== undefined
      ? { expiresAt: patch.expiresAt === null ? null : new Date(patch.expiresAt) }
      : {}),
    ...(patch.hideNotes !== undefined ? { hideNotes: patch.hideNotes } : {}),
  };
  // A patch of review options only (closing voting) changes nothing here.
  const updated =
    Object.keys(changes).length > 0
      ? await updateGallery(db, slug, changes)
      : await findOwnedGallery(db, slug);
  if (!updated) throw galleryNotFound();
  const summary = await getGallerySummaryRow(db, updated.id);
  if (!summary) throw galleryNotFound();
  return toGallerySummary(summary);
}
