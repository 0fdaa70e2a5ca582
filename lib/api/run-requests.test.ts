import { describe, expect, it } from "vitest";
import { encodeRunCursor } from "./run-cursor";
import { createRunBodySchema, idempotencyKeySchema, listRunsQuerySchema } from "./run-requests";

function issuesOf(body: unknown) {
  const result = createRunBodySchema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

const zImage = { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } };

describe("createRunBodySchema", () => {
  it("parses a valid body, trims the prompt and applies each model's defaults", () => {
    const parsed = createRunBodySchema.parse({
      prompt: "  a red fox  ",
      models: [zImage, { modelId: "dashscope/z-image-turbo", params: {}, notes: ["Makes 1 image"] }],
    });
    expect(parsed.prompt).toBe("a red fox");
    expect(parsed.models.map(({ model }) => model.id)).toEqual([
      "shortapi/z-image",
      "dashscope/z-image-turbo",
    ]);
    expect(parsed.models[0]?.params).toEqual({
      aspect_ratio: "1:1",
      num_images: 1,
      resolution: "1K",
      enable_nsfw: false,
    });
    expect(parsed.models[1]?.notes).toEqual(["Makes 1 image"]);
  });

  it.each([
    ["an empty prompt", { prompt: "   ", models: [zImage] }, "prompt"],
    ["a missing prompt", { models: [zImage] }, "prompt"],
    ["no models", { prompt: "x", models: [] }, "models"],
    ["nine models", { prompt: "x", models: Array.from({ length: 9 }, () => zImage) }, "models"],
    [
      "an unknown model",
      { prompt: "x", models: [zImage, { modelId: "acme/nope", params: {} }] },
      "models.1.modelId",
    ],
    [
      "a param out of range",
      {
        prompt: "x",
        models: [{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1", num_images: 9 } }],
      },
      "models.0.params.num_images",
    ],
    [
      "a missing required param",
      { prompt: "x", models: [{ modelId: "pixazo/z-image-turbo", params: {} }] },
      "models.0.params.image_size",
    ],
    [
      "a wrong param type",
      { prompt: "x", models: [{ modelId: "dashscope/z-image-turbo", params: { seed: "7" } }] },
      "models.0.params.seed",
    ],
    [
      "params that are not an object",
      { prompt: "x", models: [{ modelId: "shortapi/z-image", params: 3 }] },
      "models.0.params",
    ],
  ])("names the field for %s", (_, body, path) => {
    expect(issuesOf(body).map((issue) => issue.path)).toContain(path);
  });

  it("limits the prompt to the shortest maximum among the chosen models", () => {
    const prompt = "x".repeat(801);
    expect(issuesOf({ prompt, models: [zImage] })).toEqual([]);
    const issues = issuesOf({ prompt, models: [zImage, { modelId: "dashscope/z-image-turbo", params: {} }] });
    expect(issues).toEqual([{ path: "prompt", message: expect.stringContaining("at most 800 characters") }]);
  });

  it("reports every problem in the body at once", () => {
    const issues = issuesOf({
      prompt: " ",
      models: [
        { modelId: "acme/nope", params: {} },
        { modelId: "pixazo/z-image-turbo", params: { num_images: 0 } },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        "prompt",
        "models.0.modelId",
        "models.1.params.image_size",
        "models.1.params.num_images",
      ]),
    );
  });
});

describe("createRunBodySchema: matrices", () => {
  const flux = (performance: "schnell" | "dev") => ({
    modelId: "shortapi/flux-1.0",
    params: { aspect_ratio: "1:1", performance },
  });
  const pixazoBase = (steps: number) => ({
    modelId: "pixazo/z-image-base",
    params: { image_size: "square_1_1", num_inference_steps: steps },
  });

  it("takes several prompts and the same model several times, labelling each column by what differs", () => {
    const parsed = createRunBodySchema.parse({
      prompts: [" a fox ", "an owl", "a hare"],
      models: [flux("schnell"), flux("dev"), zImage, pixazoBase(28)],
      seed: 42,
    });
    expect(parsed.prompts).toEqual(["a fox", "an owl", "a hare"]);
    expect(parsed.prompt).toBe("a fox");
    expect(parsed.seed).toBe(42);
    expect(parsed.models.map((config) => config.label)).toEqual([
      "FLUX.1 · schnell",
      "FLUX.1 · dev",
      "Z-Image",
      "Z-Image Base",
    ]);
    const steps = createRunBodySchema.parse({ prompt: "x", models: [pixazoBase(16), pixazoBase(28)] });
    expect(steps.models.map((config) => config.label)).toEqual([
      "Z-Image Base · 16 steps",
      "Z-Image Base · 28 steps",
    ]);
    expect(
      createRunBodySchema.parse({ prompt: "x", models: [{ ...zImage, label: "Hero shot" }] }).models[0]
        ?.label,
    ).toBe("Hero shot");
  });

  it("takes the Variants text the prompts came from only when it expands to exactly them", () => {
    const parsed = createRunBodySchema.parse({
      prompts: ["a red fox", "a blue fox"],
      promptText: "a {red|blue} fox",
      editedFrom: "run-1",
      models: [zImage],
    });
    expect([parsed.promptText, parsed.editedFrom]).toEqual(["a {red|blue} fox", "run-1"]);
    expect(createRunBodySchema.parse({ prompt: "x", models: [zImage] })).toMatchObject({
      promptText: null,
      editedFrom: null,
    });
    expect(issuesOf({ prompts: ["a red fox"], promptText: "a {red|blue} fox", models: [zImage] })).toEqual([
      { path: "promptText", message: "The prompt text does not expand to the prompts sent" },
    ]);
  });

  it("keeps a matrix to 12 prompts, 8 configurations and 48 jobs, naming the field", () => {
    const prompts = (count: number) => Array.from({ length: count }, (_, index) => `prompt ${index}`);
    const models = (count: number) => Array.from({ length: count }, () => zImage);
    expect(issuesOf({ prompts: prompts(13), models: [zImage] }).map((issue) => issue.path)).toEqual([
      "prompts",
    ]);
    expect(issuesOf({ prompts: [], models: [zImage] }).map((issue) => issue.path)).toEqual(["prompts"]);
    // Configurations, not models: the same model several times counts once per configuration.
    expect(issuesOf({ prompts: ["a fox"], models: models(9) })).toEqual([
      { path: "models", message: "A run takes at most 8 configurations" },
    ]);
    expect(issuesOf({ prompts: prompts(6), models: models(8) })).toEqual([]);
    expect(issuesOf({ prompts: prompts(7), models: models(7) })).toEqual([
      { path: "prompts", message: "7 prompts × 7 configurations is 49 jobs; a run takes at most 48" },
    ]);
  });

  it("checks each prompt against every model it goes to, naming the prompt and the model", () => {
    const dashscope = { modelId: "dashscope/z-image-turbo", params: {} };
    const issues = issuesOf({ prompts: ["fine", "x".repeat(801), " "], models: [zImage, dashscope] });
    expect(issues).toEqual([
      {
        path: "prompts.1",
        message: expect.stringMatching(/at most 800 characters \(limit of Z-Image Turbo \(DashScope\)\)/),
      },
      { path: "prompts.2", message: "Prompt is required" },
    ]);
  });
});

describe("listRunsQuerySchema", () => {
  it("decodes a cursor this app made and refuses anything else", () => {
    const cursor = encodeRunCursor({ createdAt: "2026-03-01T10:00:04.000Z", id: "run-1" });
    expect(listRunsQuerySchema.parse({ cursor }).cursor).toEqual({
      createdAt: "2026-03-01T10:00:04.000Z",
      id: "run-1",
    });
    for (const garbage of [
      "garbage",
      "%%%",
      encodeRunCursor({ createdAt: "yesterday", id: "x" }),
      encodeRunCursor({ createdAt: "1", id: "x" }),
      encodeRunCursor({ createdAt: "2026-02-30T00:00:00.000Z", id: "x" }),
      encodeRunCursor({ createdAt: "+275760-09-13T00:00:00.000Z", id: "x" }),
      encodeRunCursor({ createdAt: "2026-03-01T10:00:04.000Z", id: "a\u0000b" }),
    ]) {
      const result = listRunsQuerySchema.safeParse({ cursor: garbage });
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ path: ["cursor"], message: "Invalid cursor" }),
      ]);
    }
  });
});

describe("idempotencyKeySchema", () => {
  it("trims, treats empty as absent and limits the length", () => {
    expect(idempotencyKeySchema.parse(" key-1 ")).toBe("key-1");
    expect(idempotencyKeySchema.parse("  ")).toBeUndefined();
    expect(idempotencyKeySchema.parse(undefined)).toBeUndefined();
    expect(idempotencyKeySchema.safeParse("k".repeat(201)).success).toBe(false);
  });
});
