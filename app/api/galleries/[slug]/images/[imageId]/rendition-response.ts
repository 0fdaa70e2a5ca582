import "server-only";
import { contentDisposition } from "@/lib/downloads/filename";
import { getGalleryRows } from "@/lib/db/queries/galleries";
import { AppError, galleryNotFound } from "@/lib/errors";
import { RENDITION_TYPE, renditionBlob } from "@/lib/reviews/renditions";
import { getBlobStore, getDb } from "@/lib/server/runtime";

/** A blind review's image or thumbnail, by the review's own id; 404 for any other id or gallery. */
export async function renditionResponse(
  slug: string,
  imageId: string,
  which: "image" | "thumbnail",
  /** As an attachment under this name. */
  filename?: string,
) {
  const db = await getDb();
  const rows = await getGalleryRows(db, slug);
  if (!rows) throw galleryNotFound();
  const blob =
    rows.gallery.reviewMode === "blind"
      ? await renditionBlob(db, getBlobStore(), rows, imageId, which)
      : null;
  if (!blob) throw new AppError("not_found", "No such image in this review");
  return new Response(blob.stream, {
    headers: {
      "Content-Type": RENDITION_TYPE,
      "Content-Length": String(blob.byteSize),
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      ...(filename ? { "Content-Disposition": contentDisposition(filename) } : {}),
    },
  });
}
