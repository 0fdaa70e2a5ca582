import { createElement } from "react";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPng } from "@/lib/render/text-layer";
import { SHARE_PREVIEW_SIZE, SharePreviewCard, sharePreviewLabel } from "./share-preview-card";

const TITLES = {
  emoji: "Launch day 🚀🎨✨ poster picks",
  cjk: "棱镜画廊：海边的灯塔 日本語のタイトル",
  rtl: "שלום עולם · مرحبا بالعالم",
  long: "A lighthouse on a cliff at dusk, ".repeat(7).slice(0, 200),
};

async function render(title: string): Promise<Buffer> {
  const label = sharePreviewLabel(3);
  return renderPng(
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

  it("still renders a title no shipped font covers", async () => {
    const fetch = vi.fn(() => Promise.reject(new Error("offline")));
    vi.stubGlobal("fetch", fetch);
    expect((await sharp(await render("한국어 ᚠᚢᚦ")).metadata()).format).toBe("png");
    expect(fetch).not.toHaveBeenCalled();
  });
});
