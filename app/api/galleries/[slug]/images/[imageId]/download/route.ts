import { imageDownloadResponse } from "@/lib/downloads/download-responses";
import { galleryNotFound } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { REVIEWER_COOKIE, validReviewerId } from "@/lib/reviews/reviewer-cookie";
import { blindOption } from "@/lib/reviews/blind-option";
import { getBlobStore, getDb } from "@/lib/server/runtime";
import { getGalleryView } from "@/lib/views/gallery-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug/images/:imageId/download — one image of a shared gallery as an attachment (public)
export const GET = routeHandler<{ slug: string; imageId: string }>(
  { access: "public" },
  async ({ request, params }) => {
    const db = await getDb();
    const reviewerId = validReviewerId(request.cookies.get(REVIEWER_COOKIE)?.value);
    const gallery = await getGalleryView(db, params.slug, reviewerId);
    if (!gallery) throw galleryNotFound();
    const shown = gallery.runs.some((run) =>
      run.jobs.some((job) => job.images.some((image) => image.id === params.imageId)),
    );
    const blind = shown ? undefined : blindOption(gallery, params.imageId);
    if (!shown && !blind) throw galleryNotFound();
    return imageDownloadResponse(db, getBlobStore(), params.imageId, blind);
  },
);
