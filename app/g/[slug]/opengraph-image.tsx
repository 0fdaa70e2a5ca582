import { notFound } from "next/navigation";
import {
  SHARE_PREVIEW_COLLAGE,
  SHARE_PREVIEW_SIZE,
  SharePreviewCard,
  sharePreviewLabel,
} from "@/lib/galleries/share-preview-card";
import { collageTiles } from "@/lib/galleries/og-collage";
import { renderPng } from "@/lib/render/text-layer";
import { getBlobStore, getDb } from "@/lib/server/runtime";
import { getGalleryExport } from "@/lib/views/gallery-views";
import { galleryImages } from "@/lib/views/share-labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const alt = "Images of a shared Prism gallery";
export const size = SHARE_PREVIEW_SIZE;
export const contentType = "image/png";

// Rendered with fonts shipped in node_modules only (lib/render/fonts.ts), so any title works offline.
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  // As anyone without a reviewer cookie sees it: the card is cached publicly, the same for everyone.
  const found = await getGalleryExport(await getDb(), (await params).slug);
  if (!found) notFound();
  const gallery = found.view;
  // A blind review's options carry nothing that names a model, and neither does this card.
  const images = galleryImages(gallery);
  // From the rows: a blind review's own ids are not the images', and the card is a new picture anyway.
  const tiles = await collageTiles(
    getBlobStore(),
    found.images.map(({ thumbnailKey, width, height }) => ({ thumbnailKey, width, height })),
    SHARE_PREVIEW_COLLAGE,
  );
  const label = sharePreviewLabel(images.length);
  const png = await renderPng(
    <SharePreviewCard tiles={tiles} label={label} title={gallery.title} />,
    `${label} ${gallery.title}`,
    size,
  );
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": contentType, "Cache-Control": "public, max-age=300" },
  });
}
