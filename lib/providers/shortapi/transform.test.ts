import { describe, expect, it } from "vitest";
import { parseAmount, toCreateBody, toPollResult } from "./transform";

describe("shortapi toCreateBody", () => {
  it("puts the prompt first in args and adds callback_url only when given", () => {
    expect(toCreateBody("openai/gpt-image-2/text-to-image", "p", { size: "auto" })).toEqual({
      model: "openai/gpt-image-2/text-to-image",
      args: { prompt: "p", size: "auto" },
    });
    expect(toCreateBody("m", "p", {}, "https://cb.test/x")).toEqual({
      model: "m",
      args: { prompt: "p" },
      callback_url: "https://cb.test/x",
    });
  });
});

describe("shortapi toCreateBody for edit models", () => {
  const urls = Array.from({ length: 18 }, (_, index) => `https://prism.example/api/inputs/${index}/file`);

  it("puts gpt-image-2 edit's inputs in images, at most 16, in order", () => {
    expect(toCreateBody("openai/gpt-image-2/edit", "make it blue", {}, undefined, urls.slice(0, 2))).toEqual({
      model: "openai/gpt-image-2/edit",
      args: { prompt: "make it blue", images: urls.slice(0, 2) },
    });
    expect(toCreateBody("openai/gpt-image-2/edit", "p", {}, undefined, urls).args.images).toEqual(
      urls.slice(0, 16),
    );
  });

  it("puts FLUX image-to-image's first input in image_url", () => {
    expect(
      toCreateBody(
        "shortapi/flux-1.0/image-to-image",
        "p",
        { aspect_ratio: "1:1" },
        undefined,
        urls.slice(0, 3),
      ),
    ).toEqual({
      model: "shortapi/flux-1.0/image-to-image",
      args: { prompt: "p", aspect_ratio: "1:1", image_url: urls[0] },
    });
  });

  it("sends no image field for a text-to-image model, whatever it is given", () => {
    expect(toCreateBody("shortapi/z-image/text-to-image", "p", {}, undefined, urls.slice(0, 1)).args).toEqual(
      {
        prompt: "p",
      },
    );
  });
});

describe("shortapi parseAmount", () => {
  it("reads decimal strings and numbers, rejects everything else", () => {
    expect(parseAmount("0.02")).toBe(0.02);
    expect(parseAmount(" 0.004 ")).toBe(0.004);
    expect(parseAmount(0.06)).toBe(0.06);
    for (const bad of ["", "abc", "-1", "1e3", null, undefined, Number.NaN, -0.5, {}])
      expect(parseAmount(bad)).toBeUndefined();
  });
});

describe("shortapi toPollResult", () => {
  it.each([
    [0, "queued"],
    [1, "running"],
    ["0", "queued"],
    ["1", "running"],
    ["pending", "queued"],
    ["RUNNING", "running"],
  ] as const)("maps status %s to %s", (status, state) => {
    expect(toPollResult({ status })).toEqual({ state });
  });

  it.each([2, "2", "succeeded", "completed", "success"])("maps %s to succeeded", (status) => {
    expect(toPollResult({ status, result: { images: [{ url: "https://x/0.png" }] } })).toEqual({
      state: "succeeded",
      outputs: [{ url: "https://x/0.png" }],
    });
  });

  it.each([3, 4, 99, -1, "3", "failed", "error", "cancelled", "canceled"])("maps %s to failed", (status) => {
    expect(toPollResult({ status })).toMatchObject({
      state: "failed",
      error: { provider: "shortapi", retryable: false },
    });
  });

  it("prefers data.error over data.message, and spots content-policy wording", () => {
    expect(toPollResult({ status: 3, error: "NSFW content detected", message: "ignored" })).toMatchObject({
      state: "failed",
      error: { code: "content_policy", message: "shortapi: NSFW content detected" },
    });
  });

  it("fails unknown words as unknown_status", () => {
    expect(toPollResult({ status: "paused" })).toMatchObject({
      state: "failed",
      error: { code: "unknown_status" },
    });
  });
});
