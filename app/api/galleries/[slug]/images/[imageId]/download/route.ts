import { imageDownloadResponse } from "@/lib/downloads/download-responses";
import { imageFilename } from "@/lib/downloads/filename";
import { galleryNotFound } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { REVIEWER_COOKIE } from "@/lib/reviews/reviewer-cookie";
import { reviewerIdOf } from "@/lib/reviews/reviewer-key";
import { blindOption } from "@/lib/reviews/blind-option";
import { RENDITION_TYPE } from "@/lib/reviews/renditions";
import { getBlobStore, getDb } from "@/lib/server/runtime";
import { renditionResponse } from "../rendition-response";
import { getGalleryView } from "@/lib/views/gallery-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug/images/:imageId/download — one image of a shared gallery as an attachment (public)
export const GET = routeHandler<{ slug: string; imageId: string }>(
  { access: "public" },
  async ({ request, params }) => {
    const db = await getDb();
    const reviewerId = await reviewerIdOf(db, request.cookies.get(REVIEWER_COOKIE)?.value);
    const gallery = await getGalleryView(db, params.slug, reviewerId);
    if (!gallery) throw galleryNotFound();
    // A blind review hands out its renditions only, under their option letters.
    const blind = blindOption(gallery, params.imageId);
    if (blind) {
      const name = imageFilename(`option-${blind.label}`, blind.prompt, 1, RENDITION_TYPE);
      return renditionResponse(params.slug, params.imageId, "image", name);
    }
    const shown = gallery.runs.some((run) =>
      run.jobs.some((job) => job.images.some((image) => image.id === params.imageId)),
    );
    if (!shown) throw galleryNotFound();
    return imageDownloadResponse(db, getBlobStore(), params.imageId);
  },
);
