import { getGalleryView } from "@/lib/views/gallery-views";
import { archiveResponse } from "@/lib/downloads/download-responses";
import { galleryNotFound } from "@/lib/galleries/not-found";
import { routeHandler } from "@/lib/http/route-handler";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug/download — every image of a shared gallery plus manifest.json, as a ZIP (public)
export const GET = routeHandler<{ slug: string }>({ access: "public" }, async ({ params }) => {
  const db = await getDb();
  const gallery = await getGalleryView(db, params.slug);
  if (!gallery) throw galleryNotFound();
  const source = { kind: "gallery", id: gallery.slug, title: gallery.title, note: gallery.note } as const;
  return archiveResponse(db, getBlobStore(), source, gallery.runs);
});
