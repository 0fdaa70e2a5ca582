import { createElement } from "react";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fontsFor } from "@/lib/galleries/og-fonts";
import { renderOgPng } from "@/lib/galleries/og-image";
import { SHARE_PREVIEW_SIZE, SharePreviewCard, sharePreviewLabel } from "./share-preview-card";

const TITLES = {
  emoji: "Launch day 🚀🎨✨ poster picks",
  cjk: "棱镜画廊：海边的灯塔 日本語のタイトル",
  rtl: "שלום עולם · مرحبا بالعالم",
  long: "A lighthouse on a cliff at dusk, ".repeat(7).slice(0, 200),
};

async function render(title: string): Promise<Buffer> {
  const label = sharePreviewLabel(3);
  return renderOgPng(
    createElement(SharePreviewCard, { tiles: [], label, title }),
    `${label} ${title}`,
    SHARE_PREVIEW_SIZE,
  );
}

describe("share preview card", () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(Object.entries(TITLES))("renders a %s title offline", async (_, title) => {
    const fetch = vi.fn(() => Promise.reject(new Error("offline")));
    vi.stubGlobal("fetch", fetch);
    const metadata = await sharp(await render(title)).metadata();
    expect(metadata).toMatchObject({ format: "png", ...SHARE_PREVIEW_SIZE });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("loads a shipped font for each script of the title", async () => {
    const fontNames = async (text: string) => (await fontsFor(text)).map((font) => font.name).join(" ");
    expect(await fontNames("Prism")).toMatch(/^inter-latin-400-normal$/);
    expect(await fontNames("灯塔")).toMatch(/noto-sans-sc-\d+-400-normal/);
    expect(await fontNames("タイトル")).toMatch(/noto-sans-sc-/);
    expect(await fontNames("🚀")).toMatch(/noto-emoji-\d+-400-normal/);
    expect(await fontNames("שלום")).toMatch(/noto-sans-hebrew-hebrew/);
    expect(await fontNames("مرحبا")).toMatch(/noto-sans-arabic-arabic/);
  });

  it("still renders a title no shipped font covers", async () => {
    const fetch = vi.fn(() => Promise.reject(new Error("offline")));
    vi.stubGlobal("fetch", fetch);
    expect((await sharp(await render("한국어 ᚠᚢᚦ")).metadata()).format).toBe("png");
    expect(fetch).not.toHaveBeenCalled();
  });
});
