import { describe, expect, it } from "vitest";
import type { ModelView } from "@/lib/api/views";
import { MODELS } from "@/lib/models/catalog";
import { initialConfigs } from "./pickable-models";

/** The catalog as the picker sees it, with only these providers' models available. */
function pickableWith(providers: string[]) {
  return MODELS.map((model) => ({
    model,
    view: {
      id: model.id,
      providerId: model.providerId,
      available: providers.includes(model.providerId),
      inputImages: model.inputImages,
    } as ModelView,
  }));
}

const preselected = (providers: string[]) =>
  initialConfigs(pickableWith(providers), null).map((config) => config.modelId);

describe("a first visit's preselection", () => {
  it("is one model per family when every provider is available", () => {
    expect(preselected(["shortapi", "pixazo", "dashscope"])).toEqual([
      "shortapi/flux-1.0",
      "shortapi/gpt-image-2",
      "pixazo/z-image-turbo",
    ]);
  });

  it("never holds a model that needs input images (a first run has none)", () => {
    expect(preselected(["dashscope"])).toEqual(["dashscope/z-image-turbo"]);
    expect(preselected(["pixazo"])).toEqual(["pixazo/z-image-turbo", "pixazo/z-image-base"]);
  });
});
