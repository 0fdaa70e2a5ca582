import { describe, expect, it } from "vitest";
import { namesInContext } from "./format";

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
