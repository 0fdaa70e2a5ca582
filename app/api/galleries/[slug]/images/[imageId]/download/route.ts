import { getGalleryImageId } from "@/lib/db/queries/galleries";
import { imageDownloadResponse } from "@/lib/downloads/download-responses";
import { galleryNotFound } from "@/lib/galleries/not-found";
import { routeHandler } from "@/lib/http/route-handler";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug/images/:imageId/download — one image of a shared gallery as an attachment (public)
export const GET = routeHandler<{ slug: string; imageId: string }>(
  { access: "public" },
  async ({ params }) => {
    const db = await getDb();
    const imageId = await getGalleryImageId(db, params.slug, params.imageId);
    if (!imageId) throw galleryNotFound();
    return imageDownloadResponse(db, getBlobStore(), imageId);
  },
);
