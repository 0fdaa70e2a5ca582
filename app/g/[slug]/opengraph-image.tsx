import { notFound } from "next/navigation";
import {
  SHARE_PREVIEW_COLLAGE,
  SHARE_PREVIEW_SIZE,
  SharePreviewCard,
  sharePreviewLabel,
} from "@/lib/galleries/share-preview-card";
import { storedKeysOf } from "@/lib/db/queries/images";
import { loadGallery } from "./load-gallery";
import { collageTiles } from "@/lib/galleries/og-collage";
import { renderOgPng } from "@/lib/galleries/og-image";
import { getBlobStore, getDb } from "@/lib/server/runtime";
import { galleryImages } from "@/lib/views/share-labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const alt = "Images of a shared Prism gallery";
export const size = SHARE_PREVIEW_SIZE;
export const contentType = "image/png";

// Rendered with fonts shipped in node_modules only (lib/galleries/og-fonts.ts), so any title works offline.
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const gallery = await loadGallery((await params).slug);
  if (!gallery) notFound();
  // A blind review's options carry nothing that names a model, and neither does this card.
  const images = galleryImages(gallery);
  const keys = await storedKeysOf(
    await getDb(),
    images.map((image) => image.id),
  );
  const tiles = await collageTiles(
    getBlobStore(),
    images.flatMap((image) => {
      const thumbnailKey = keys.get(image.id)?.thumbnailKey;
      return thumbnailKey ? [{ thumbnailKey, width: image.width, height: image.height }] : [];
    }),
    SHARE_PREVIEW_COLLAGE,
  );
  const label = sharePreviewLabel(images.length);
  const png = await renderOgPng(
    <SharePreviewCard tiles={tiles} label={label} title={gallery.title} />,
    `${label} ${gallery.title}`,
    size,
  );
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": contentType, "Cache-Control": "public, max-age=300" },
  });
}
