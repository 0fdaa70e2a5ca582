import { routeHandler } from "@/lib/http/route-handler";
import { REVIEWER_COOKIE } from "@/lib/reviews/reviewer-cookie";
import { reviewerIdOf } from "@/lib/reviews/reviewer-key";
import { galleryArchiveResponse } from "@/lib/server/gallery-archive";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug/download — every image of a shared gallery plus manifest.json, as a ZIP (public)
export const GET = routeHandler<{ slug: string }>({ access: "public" }, async ({ request, params }) => {
  const db = await getDb();
  const reviewerId = await reviewerIdOf(db, request.cookies.get(REVIEWER_COOKIE)?.value);
  return galleryArchiveResponse(db, getBlobStore(), params.slug, reviewerId);
});
