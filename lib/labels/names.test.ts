import { describe, expect, it } from "vitest";
import { ambiguousLabels, configurationName, namesInContext } from "./names";

describe("namesInContext", () => {
  it("adds the provider only where two models share a name", () => {
    const names = namesInContext(["shortapi/z-image", "pixazo/z-image-turbo", "dashscope/z-image-turbo"]);
    expect([...names.values()]).toEqual(["Z-Image", "Z-Image Turbo (pixazo)", "Z-Image Turbo (DashScope)"]);
  });

  it("keeps plain names when they are unique, and counts each model once", () => {
    const names = namesInContext(["shortapi/flux-1.0", "pixazo/z-image-turbo", "pixazo/z-image-turbo"]);
    expect([...names.values()]).toEqual(["FLUX.1", "Z-Image Turbo"]);
  });

  it("falls back to the id for a model this build does not know", () => {
    expect(namesInContext(["acme/retired"]).get("acme/retired")).toBe("acme/retired");
  });
});

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

describe("ambiguousLabels", () => {
  it("finds the labels of columns that only their provider tells apart", () => {
    const configs = [
      { label: "Z-Image Turbo" },
      { label: "FLUX.1 · dev" },
      { label: "Z-Image Turbo" },
      { label: "FLUX.1 · schnell" },
    ];
    expect([...ambiguousLabels(configs)]).toEqual(["Z-Image Turbo"]);
    expect(ambiguousLabels(configs.slice(1)).size).toBe(0);
  });
});
