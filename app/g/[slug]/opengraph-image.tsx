import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { storedKeysOf } from "@/lib/db/queries/images";
import { loadGallery } from "@/lib/galleries/load-gallery";
import { getBlobStore, getDb } from "@/lib/server/runtime";
import { collageTiles } from "@/lib/galleries/og-collage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const alt = "Images of a shared Prism gallery";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

// Rendered with next/og's bundled font only, so it works without network access.
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const gallery = await loadGallery((await params).slug);
  if (!gallery) notFound();
  const images = gallery.runs.flatMap((run) => run.jobs.flatMap((job) => job.images));
  const keys = await storedKeysOf(
    await getDb(),
    images.map((image) => image.id),
  );
  const tiles = await collageTiles(
    getBlobStore(),
    images.flatMap((image) => keys.get(image.id)?.thumbnailKey ?? []),
    size,
  );

  return new ImageResponse(
    <div
      style={{ display: "flex", width: "100%", height: "100%", background: "#151517", position: "relative" }}
    >
      {tiles.map((tile) => (
        // eslint-disable-next-line jsx-a11y/alt-text
        <img
          key={tile.src}
          src={tile.src}
          width={tile.width}
          height={size.height}
          style={{ objectFit: "cover" }}
        />
      ))}
      <div
        style={{
          position: "absolute",
          left: 0,
          right: 0,
          bottom: 0,
          height: 340,
          display: "flex",
          flexDirection: "column",
          justifyContent: "flex-end",
          gap: 8,
          padding: "0 56px 44px",
          backgroundImage:
            "linear-gradient(180deg, rgba(21,21,23,0) 0%, rgba(21,21,23,0.75) 45%, rgba(21,21,23,0.96) 100%)",
          color: "white",
        }}
      >
        <div style={{ fontSize: 22, color: "#b7b4ff" }}>{`Prism · ${images.length} images side by side`}</div>
        <div style={{ fontSize: 52, lineHeight: 1.1, maxHeight: 120, overflow: "hidden" }}>
          {gallery.title}
        </div>
      </div>
    </div>,
    size,
  );
}
