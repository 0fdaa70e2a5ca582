import "server-only";
import { getGalleryRows } from "@/lib/db/queries/galleries";
import { AppError, galleryNotFound } from "@/lib/errors";
import { getBlobStore, getDb } from "@/lib/server/runtime";
import { contentTypeOfBlobKey } from "@/lib/storage/blob-store";
import { findReviewInput } from "@/lib/views/review-inputs";

/** A blind review's input image or its thumbnail, by the review's own id; 404 for any other id or gallery. */
export async function reviewInputResponse(slug: string, shownId: string, which: "image" | "thumbnail") {
  const db = await getDb();
  const rows = await getGalleryRows(db, slug);
  if (!rows) throw galleryNotFound();
  const input = await findReviewInput(db, rows, shownId);
  const key = input && (which === "image" ? input.blobKey : input.thumbnailKey);
  const blob = key ? await getBlobStore().get(key) : null;
  if (!key || !blob) throw new AppError("not_found", "No such image in this review");
  return new Response(blob.stream, {
    headers: {
      "Content-Type": contentTypeOfBlobKey(key) ?? "application/octet-stream",
      "Content-Length": String(blob.byteSize),
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
