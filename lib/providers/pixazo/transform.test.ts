import { describe, expect, it } from "vitest";
import { MODELS } from "@/lib/models/catalog";
import { statusUrl, submitPath, toPollResult, toSubmitBody } from "./transform";
import { PIXAZO_SUBMIT_PATHS } from "./wire";

const BASE = "https://gateway.pixazo.ai";

describe("pixazo submitPath and toSubmitBody", () => {
  it("knows both models' endpoints and nothing else", () => {
    expect(submitPath("z-image-turbo-834")).toBe("/z-image-turbo-834/v1/z-image-turbo-request");
    expect(submitPath("z-image-base")).toBe("/z-image-base/v1/z-image-base-request");
    expect(submitPath("flux")).toBeUndefined();
    expect(submitPath("toString")).toBeUndefined();
  });

  it("has an endpoint for every pixazo model of the catalog", () => {
    const pixazoModels = MODELS.filter((model) => model.providerId === "pixazo");
    expect(pixazoModels.length).toBeGreaterThan(0);
    for (const model of pixazoModels) expect(submitPath(model.providerModel), model.id).toBeDefined();
  });

  it("sends the prompt next to the params", () => {
    expect(toSubmitBody("z-image-turbo-834", "p", { image_size: "square_1_1" })).toEqual({
      prompt: "p",
      image_size: "square_1_1",
    });
  });
});

describe("pixazo toSubmitBody for Qwen Image Edit", () => {
  it("sends a DashScope-shaped body: input image URLs, then the prompt; params as parameters", () => {
    const urls = ["https://prism.example/api/inputs/a/file", "https://prism.example/api/inputs/b/file"];
    expect(toSubmitBody("qwen-image-edit", "make it blue", { watermark: false }, urls)).toEqual({
      model: "qwen-image-edit",
      input: {
        messages: [
          { role: "user", content: [{ image: urls[0] }, { image: urls[1] }, { text: "make it blue" }] },
        ],
      },
      parameters: { watermark: false },
    });
    expect(PIXAZO_SUBMIT_PATHS["qwen-image-edit"]).toBe(
      "/qwen-image/v1/generateMultimodeTextToImageEditRequest",
    );
  });

  it("never sends images to a text-to-image model", () => {
    expect(toSubmitBody("z-image-base", "p", {}, ["https://x.test/a.png"])).toEqual({ prompt: "p" });
  });
});

describe("pixazo statusUrl", () => {
  it("uses polling_url on the gateway's origin, else the universal status path", () => {
    expect(statusUrl(BASE, "id_1", `${BASE}/v2/requests/status/id_1`)).toBe(
      `${BASE}/v2/requests/status/id_1`,
    );
    expect(statusUrl(BASE, "id_1")).toBe(`${BASE}/v2/requests/status/id_1`);
    expect(statusUrl(BASE, "id_1", "https://attacker.test/v2/requests/status/id_1")).toBe(
      `${BASE}/v2/requests/status/id_1`,
    );
    expect(statusUrl(BASE, "id_1", "not a url")).toBe(`${BASE}/v2/requests/status/id_1`);
    expect(statusUrl(BASE, "a/b")).toBe(`${BASE}/v2/requests/status/a%2Fb`);
  });
});

describe("pixazo toPollResult", () => {
  it("maps QUEUED and PROCESSING, in any case", () => {
    expect(toPollResult({ status: "QUEUED" })).toEqual({ state: "queued" });
    expect(toPollResult({ status: "processing" })).toEqual({ state: "running" });
  });

  it("maps COMPLETED, accepting a single media_url string too", () => {
    expect(toPollResult({ status: "COMPLETED", output: { media_url: "https://r2/x" } })).toEqual({
      state: "succeeded",
      outputs: [{ url: "https://r2/x" }],
    });
    expect(toPollResult({ status: "COMPLETED", output: null })).toMatchObject({
      state: "failed",
      error: { code: "provider_error" },
    });
  });

  it("maps FAILED and ERROR with their charge semantics", () => {
    const failed = toPollResult({ status: "FAILED", error: "boom" });
    expect(failed).toMatchObject({
      state: "failed",
      error: { code: "provider_error", message: "pixazo: boom" },
    });
    if (failed.state === "failed") expect(failed.error.charged).toBeUndefined();
    expect(toPollResult({ status: "FAILED", error: "violates the content policy" })).toMatchObject({
      error: { code: "content_policy" },
    });
    expect(toPollResult({ status: "ERROR", error: null })).toMatchObject({
      state: "failed",
      error: { code: "provider_error", charged: false, message: "pixazo: system error (not charged)" },
    });
    expect(toPollResult({ status: "CANCELLED" })).toMatchObject({
      state: "failed",
      error: { code: "unknown_status" },
    });
  });
});
