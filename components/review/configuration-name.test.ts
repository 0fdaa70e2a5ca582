import { describe, expect, it } from "vitest";
import { namesInContext } from "@/components/gallery/format";
import { configurationName } from "./configuration-name";

describe("configurationName", () => {
  const names = namesInContext(["pixazo/z-image-turbo", "dashscope/z-image-turbo", "shortapi/flux-1.0"]);

  it("names the provider where two models share a name, keeping what differs", () => {
    expect(
      configurationName({ modelId: "pixazo/z-image-turbo", label: "Z-Image Turbo · 8 steps" }, names),
    ).toBe("Z-Image Turbo (pixazo) · 8 steps");
  });

  it("keeps a label that is unambiguous or that the run's author gave", () => {
    expect(configurationName({ modelId: "shortapi/flux-1.0", label: "FLUX.1 · dev" }, names)).toBe(
      "FLUX.1 · dev",
    );
    expect(configurationName({ modelId: "dashscope/z-image-turbo", label: "Option B" }, names)).toBe(
      "Option B",
    );
  });
});
