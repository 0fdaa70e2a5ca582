import { describe, expect, it } from "vitest";
import type { ModelView } from "@/lib/api/views";
import { MODELS } from "@/lib/models/catalog";
import type { PickableModel } from "./model-picker";
import { blockedReason } from "./model-blocked";
import { initialConfigs, selectionForInputs } from "./pickable-models";

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

const model = (id: string, inputImages: { min: number; max: number }, available = true): PickableModel =>
  ({ view: { id, inputImages, available } as ModelView, model: {} }) as unknown as PickableModel;

const FAKE_MODELS = [
  model("text/a", { min: 0, max: 0 }),
  model("text/b", { min: 0, max: 0 }),
  model("edit/one", { min: 1, max: 1 }),
  model("edit/two", { min: 2, max: 3 }),
  model("edit/off", { min: 1, max: 4 }, false),
];

describe("selectionForInputs", () => {
  it("swaps text-only models for the edit models that can run when the first image arrives", () => {
    expect(selectionForInputs(FAKE_MODELS, ["text/a", "text/b"], 0, 1, 6)).toEqual({
      remove: ["text/a", "text/b"],
      add: ["edit/one"],
    });
    expect(selectionForInputs(FAKE_MODELS, ["text/a"], 0, 2, 7)).toEqual({
      remove: ["text/a"],
      add: ["edit/one", "edit/two"],
    });
  });

  it("keeps a chosen edit model, and drops one that needs more images than are left", () => {
    expect(selectionForInputs(FAKE_MODELS, ["edit/one", "text/a"], 0, 1, 6)).toEqual({
      remove: ["text/a"],
      add: [],
    });
    expect(selectionForInputs(FAKE_MODELS, ["edit/one", "edit/two"], 2, 1, 6)).toEqual({
      remove: ["edit/two"],
      add: [],
    });
  });

  it("brings back a first visit's text models when the last image goes and nothing is left", () => {
    expect(selectionForInputs(FAKE_MODELS, ["edit/one"], 1, 0, 7)).toEqual({
      remove: ["edit/one"],
      add: ["text/a", "text/b"],
    });
  });
});

describe("blockedReason", () => {
  const view = (inputImages: { min: number; max: number }, available = true, unavailableReason?: string) => ({
    available,
    inputImages,
    unavailableReason,
  });

  it("says why a model cannot be picked: the server's reason, a missing key, too few images", () => {
    const reason =
      "needs PUBLIC_URL, or S3_PRESIGNED_INPUTS with a bucket it can reach, so the provider can fetch your image";
    expect(blockedReason(view({ min: 1, max: 1 }, false, reason), 1)).toBe(reason);
    expect(blockedReason(view({ min: 0, max: 0 }, false), 0)).toBe(
      "Add this provider's API key to enable it",
    );
    expect(blockedReason(view({ min: 1, max: 3 }), 0)).toBe("Add an input image to use it");
    expect(blockedReason(view({ min: 2, max: 3 }), 1)).toBe("Needs at least 2 input images; you have 1");
    expect(blockedReason(view({ min: 1, max: 3 }), 1)).toBeNull();
    expect(blockedReason(view({ min: 0, max: 0 }), 2)).toBeNull();
  });
});
