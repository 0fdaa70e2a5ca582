import { archiveResponse, blindArchiveResponse } from "@/lib/downloads/download-responses";
import { galleryNotFound } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { REVIEWER_COOKIE } from "@/lib/reviews/reviewer-cookie";
import { reviewerIdOf } from "@/lib/reviews/reviewer-key";
import { storedRenditions } from "@/lib/reviews/renditions";
import { getBlobStore, getDb } from "@/lib/server/runtime";
import { getGalleryExport } from "@/lib/views/gallery-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug/download — every image of a shared gallery plus manifest.json, as a ZIP (public)
export const GET = routeHandler<{ slug: string }>({ access: "public" }, async ({ request, params }) => {
  const db = await getDb();
  const reviewerId = await reviewerIdOf(db, request.cookies.get(REVIEWER_COOKIE)?.value);
  const found = await getGalleryExport(db, params.slug, reviewerId);
  if (!found) throw galleryNotFound();
  const { view: gallery, images, rows } = found;
  const source = { kind: "gallery", id: gallery.slug, title: gallery.title, note: gallery.note } as const;
  if (gallery.review?.blind && !gallery.review.revealed) {
    // The review's renditions under their own ids, never the originals.
    const renditions = await storedRenditions(db, getBlobStore(), rows);
    return blindArchiveResponse(getBlobStore(), source, gallery.review, renditions);
  }
  // The runs' inputs are under inputs/ (their rows say where their bytes are), as in a run's ZIP.
  const inputs = (rows.inputs ?? []).map((entry) => entry.input);
  return archiveResponse(getBlobStore(), source, gallery.runs, [...images, ...inputs]);
});
