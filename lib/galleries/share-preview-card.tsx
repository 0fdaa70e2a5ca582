import type { CollageTile } from "@/lib/galleries/og-collage";

export const SHARE_PREVIEW_SIZE = { width: 1200, height: 630 };
/** Where the images go: above the title, never under it, so none is darkened or covered. */
export const SHARE_PREVIEW_COLLAGE = { left: 28, top: 28, width: 1144, height: 430 };

/** The text the card shows, so the renderer can load fonts for its scripts. */
export function sharePreviewLabel(imageCount: number): string {
  return `Prism · ${imageCount} images side by side`;
}

/** The share preview (OG image) of a gallery: its images whole, the title below them. Satori markup. */
export function SharePreviewCard({
  tiles,
  label,
  title,
}: {
  tiles: CollageTile[];
  label: string;
  title: string;
}) {
  return (
    <div
      style={{ display: "flex", width: "100%", height: "100%", background: "#151517", position: "relative" }}
    >
      {tiles.map((tile) => (
        // eslint-disable-next-line jsx-a11y/alt-text, @next/next/no-img-element -- satori markup, not a page
        <img
          key={`${tile.left},${tile.top}`}
          src={tile.src}
          width={tile.width}
          height={tile.height}
          style={{
            position: "absolute",
            left: SHARE_PREVIEW_COLLAGE.left + tile.left,
            top: SHARE_PREVIEW_COLLAGE.top + tile.top,
            borderRadius: 8,
          }}
        />
      ))}
      <div
        style={{
          position: "absolute",
          left: 0,
          right: 0,
          bottom: 0,
          height: SHARE_PREVIEW_SIZE.height - SHARE_PREVIEW_COLLAGE.top - SHARE_PREVIEW_COLLAGE.height,
          display: "flex",
          flexDirection: "column",
          justifyContent: "center",
          gap: 6,
          padding: "0 56px",
          color: "white",
        }}
      >
        <div style={{ fontSize: 22, color: "#b7b4ff" }}>{label}</div>
        <div style={{ display: "block", fontSize: 44, lineHeight: 1.1, lineClamp: 2 }}>{title}</div>
      </div>
    </div>
  );
}
