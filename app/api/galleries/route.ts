import { createGalleryBodySchema } from "@/lib/api/gallery-requests";
import type { CreateGalleryResponse, GalleryListView } from "@/lib/api/views";
import { listGalleries } from "@/lib/views/gallery-views";
import { createGallery } from "@/lib/galleries/create-gallery";
import { shareUrl } from "@/lib/galleries/share-url";
import { json, routeHandler } from "@/lib/http/route-handler";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/galleries — share whole runs and/or single images as a public gallery
export const POST = routeHandler({ access: "session", body: createGalleryBodySchema }, async ({ body }) => {
  const { slug } = await createGallery(await getDb(), body);
  return json<CreateGalleryResponse>({ slug, url: shareUrl(slug) }, { status: 201 });
});

// GET /api/galleries — the active share links, newest first
export const GET = routeHandler({ access: "session" }, async () => {
  return json<GalleryListView>({ galleries: await listGalleries(await getDb()) });
});
