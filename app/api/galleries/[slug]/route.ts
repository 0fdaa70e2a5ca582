import { patchGalleryBodySchema } from "@/lib/api/gallery-requests";
import type { GallerySummary, GalleryView } from "@/lib/api/views";
import { publishChange } from "@/lib/changes/change-feed";
import { revokeGallery } from "@/lib/db/queries/galleries";
import { galleryNotFound } from "@/lib/errors";
import { editGallery } from "@/lib/galleries/update-gallery";
import { json, routeHandler } from "@/lib/http/route-handler";
import { REVIEWER_COOKIE } from "@/lib/reviews/reviewer-cookie";
import { reviewerIdOf } from "@/lib/reviews/reviewer-key";
import { setReviewOptions } from "@/lib/reviews/review-controls";
import { getDb } from "@/lib/server/runtime";
import { getGalleryView } from "@/lib/views/gallery-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug — a shared gallery as this visitor sees it (public; blind reviews name no model)
export const GET = routeHandler<{ slug: string }>({ access: "public" }, async ({ request, params }) => {
  const db = await getDb();
  const reviewerId = await reviewerIdOf(db, request.cookies.get(REVIEWER_COOKIE)?.value);
  const gallery = await getGalleryView(db, params.slug, reviewerId);
  if (!gallery) throw galleryNotFound();
  return json<GalleryView>(gallery, {
    headers: { "Cache-Control": "no-cache", "X-Robots-Tag": "noindex, nofollow" },
  });
});

// PATCH /api/galleries/:slug — the owner edits the title, note, expiry, note visibility, or closes/reopens voting
export const PATCH = routeHandler<{ slug: string }, typeof patchGalleryBodySchema>(
  { access: "session", body: patchGalleryBodySchema },
  async ({ params, body }) => {
    const db = await getDb();
    if (body.review) await setReviewOptions(db, params.slug, body.review);
    return json<GallerySummary>(await editGallery(db, params.slug, body));
  },
);

// DELETE /api/galleries/:slug — revokes the link; the share page then answers 404
export const DELETE = routeHandler<{ slug: string }>({ access: "session" }, async ({ params }) => {
  const db = await getDb();
  if (!(await revokeGallery(db, params.slug))) throw galleryNotFound();
  await publishChange(db, { kind: "gallery-revoked", slug: params.slug });
  return new Response(null, { status: 204 });
});
