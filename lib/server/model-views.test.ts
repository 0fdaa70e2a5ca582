import { afterEach, describe, expect, it, vi } from "vitest";
import { modelsResponse } from "./model-views";
import { contractViolation } from "@/lib/testing/api-contract";

const editModels = () => modelsResponse().models.filter((model) => model.inputImages.min > 0);

describe("edit models in GET /api/models", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("without PUBLIC_URL offers only the edit models sent inline (DashScope); the others say why", () => {
    vi.stubEnv("PRISM_SIMULATOR", "on");
    vi.stubEnv("PUBLIC_URL", "");
    const models = editModels();
    expect(models.filter((model) => model.available).map((model) => model.providerId)).toEqual([
      "dashscope",
      "dashscope",
    ]);
    const byUrl = models.filter((model) => model.providerId !== "dashscope");
    expect(byUrl.map((model) => model.id).sort()).toEqual([
      "pixazo/qwen-image-edit",
      "shortapi/flux-1.0-image-to-image",
      "shortapi/gpt-image-2-edit",
    ]);
    for (const model of byUrl) {
      expect(model.available, model.id).toBe(false);
      expect(model.unavailableReason, model.id).toBe(
        "needs PUBLIC_URL, or S3_PRESIGNED_INPUTS with a bucket it can reach, so the provider can fetch your image",
      );
    }
  });

  it("with PUBLIC_URL offers every edit model", () => {
    vi.stubEnv("PRISM_SIMULATOR", "on");
    vi.stubEnv("PUBLIC_URL", "https://prism.example.com");
    const models = editModels();
    expect(models.length).toBe(5);
    expect(models.every((model) => model.available && model.unavailableReason === undefined)).toBe(true);
  });
});

describe("GET /api/models and the OpenAPI document", () => {
  it("every model's view, availability reasons and input ranges included, matches the published schema", () => {
    vi.stubEnv("PRISM_SIMULATOR", "on");
    vi.stubEnv("PUBLIC_URL", "");
    expect(
      contractViolation("GET", "/api/models", 200, "application/json", modelsResponse()),
    ).toBeUndefined();
  });
});
