import { describe, expect, it } from "vitest";
import { archiveFilename, contentDisposition, imageFilename, uniqueFilenames } from "./filename";

describe("download file names", () => {
  it("names an image after its model, the first prompt words and its position, with its real extension", () => {
    expect(
      imageFilename("pixazo/z-image-turbo", "A red fox, in the snow at dawn — cinematic", 2, "image/png"),
    ).toBe("pixazo-z-image-turbo-a-red-fox-in-the-snow-2.png");
    expect(imageFilename("shortapi/flux-1.0", "Café crème", 1, "image/jpeg")).toBe(
      "shortapi-flux-1-0-cafe-creme-1.jpg",
    );
    expect(imageFilename("dashscope/z-image-turbo", "ねこ!!", 3, "image/webp")).toBe(
      "dashscope-z-image-turbo-image-3.webp",
    );
  });

  it("caps long prompt words", () => {
    const name = imageFilename(
      "shortapi/z-image",
      "supercalifragilisticexpialidocious ".repeat(6),
      1,
      "image/png",
    );
    expect(name.length).toBeLessThanOrEqual("shortapi-z-image-".length + 48 + "-1.png".length);
    expect(name).not.toMatch(/--/);
  });

  it("keeps names unique inside one archive", () => {
    expect(uniqueFilenames(["a-1.png", "a-1.png", "b.jpg", "a-1.png"])).toEqual([
      "a-1.png",
      "a-1-2.png",
      "b.jpg",
      "a-1-3.png",
    ]);
  });

  it("builds a safe attachment header and archive name", () => {
    expect(contentDisposition("a-1.png")).toBe(`attachment; filename="a-1.png"; filename*=UTF-8''a-1.png`);
    expect(contentDisposition('x"y.png')).toContain('filename="x_y.png"');
    expect(archiveFilename("Moodboard: Spring 2026!")).toBe("moodboard-spring-2026.zip");
    expect(archiveFilename("☀")).toBe("prism.zip");
  });
});
