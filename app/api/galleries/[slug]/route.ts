import { revokeGallery } from "@/lib/db/queries/galleries";
import { getGalleryView } from "@/lib/views/gallery-views";
import { galleryNotFound } from "@/lib/galleries/not-found";
import { json, routeHandler } from "@/lib/http/route-handler";
import type { GalleryView } from "@/lib/api/views";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug — a shared gallery with its images and their run, model, prompt and params (public)
export const GET = routeHandler<{ slug: string }>({ access: "public" }, async ({ params }) => {
  const gallery = await getGalleryView(await getDb(), params.slug);
  if (!gallery) throw galleryNotFound();
  return json<GalleryView>(gallery, {
    headers: { "Cache-Control": "no-cache", "X-Robots-Tag": "noindex, nofollow" },
  });
});

// DELETE /api/galleries/:slug — revokes the link; the share page then answers 404
export const DELETE = routeHandler<{ slug: string }>({ access: "session" }, async ({ params }) => {
  if (!(await revokeGallery(await getDb(), params.slug))) throw galleryNotFound();
  return new Response(null, { status: 204 });
});
