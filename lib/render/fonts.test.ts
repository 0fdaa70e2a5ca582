import { describe, expect, it } from "vitest";
import { fontsFor } from "./fonts";

describe("fontsFor", () => {
  it("loads a shipped font for each script of the title", async () => {
    const fontNames = async (text: string) => (await fontsFor(text)).map((font) => font.name).join(" ");
    expect(await fontNames("Prism")).toMatch(/^inter-latin-400-normal$/);
    expect(await fontNames("灯塔")).toMatch(/noto-sans-sc-\d+-400-normal/);
    expect(await fontNames("タイトル")).toMatch(/noto-sans-sc-/);
    expect(await fontNames("🚀")).toMatch(/noto-emoji-\d+-400-normal/);
    expect(await fontNames("🎨")).toMatch(/^noto-emoji-\d+-400-normal$/);
    expect(await fontNames("✨")).toMatch(/^noto-emoji-\d+-400-normal$/);
    expect(await fontNames("Prism 2")).toMatch(/^inter-latin-400-normal$/);
    expect(await fontNames("שלום")).toMatch(/noto-sans-hebrew-hebrew/);
    expect(await fontNames("مرحبا")).toMatch(/noto-sans-arabic-arabic/);
  });
});
