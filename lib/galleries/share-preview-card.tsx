import type { CollageTile } from "@/lib/galleries/og-collage";

export const SHARE_PREVIEW_SIZE = { width: 1200, height: 630 };

/** The text the card shows, so the renderer can load fonts for its scripts. */
export function sharePreviewLabel(imageCount: number): string {
  return `Prism · ${imageCount} images side by side`;
}

/** The share preview (OG image) of a gallery: its images whole, the title over a gradient. Satori markup. */
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
          style={{ position: "absolute", left: tile.left, top: tile.top, borderRadius: 6 }}
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
        <div style={{ fontSize: 22, color: "#b7b4ff" }}>{label}</div>
        <div style={{ display: "block", fontSize: 52, lineHeight: 1.1, lineClamp: 2 }}>{title}</div>
      </div>
    </div>
  );
}
