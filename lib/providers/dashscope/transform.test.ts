import { describe, expect, it } from "vitest";
import { toGenerationBody, toResult } from "./transform";

describe("DashScope toGenerationBody", () => {
  it("builds one user message with one text item, and sends seed only when set", () => {
    expect(toGenerationBody("z-image-turbo", "cat", { size: "1024*1024", prompt_extend: false })).toEqual({
      model: "z-image-turbo",
      input: { messages: [{ role: "user", content: [{ text: "cat" }] }] },
      parameters: { size: "1024*1024", prompt_extend: false },
    });
    expect(
      toGenerationBody("z-image-turbo", "cat", { size: "720*1280", prompt_extend: true, seed: 0 }).parameters,
    ).toEqual({
      size: "720*1280",
      prompt_extend: true,
      seed: 0,
    });
  });
});

describe("DashScope toGenerationBody for any model", () => {
  it("passes a model's parsed params through as its parameters, unset ones left out", () => {
    expect(
      toGenerationBody("qwen-image-plus", "cat", {
        n: 2,
        negative_prompt: "blur",
        watermark: false,
        seed: undefined,
      }).parameters,
    ).toEqual({ n: 2, negative_prompt: "blur", watermark: false });
  });

  it("lists input images, in order, before the prompt", () => {
    expect(
      toGenerationBody("qwen-image-edit-plus", "make it blue", {}, [
        "https://x/a.png",
        "data:image/png;base64,AA==",
      ]).input,
    ).toEqual({
      messages: [
        {
          role: "user",
          content: [
            { image: "https://x/a.png" },
            { image: "data:image/png;base64,AA==" },
            { text: "make it blue" },
          ],
        },
      ],
    });
  });
});

describe("DashScope toResult", () => {
  const generation = (content: Record<string, unknown>[], usage?: { width?: number; height?: number }) => ({
    output: { choices: [{ message: { content } }] },
    usage,
  });

  it("finds the image by key whatever the order, with usage dimensions and the rewritten prompt", () => {
    expect(
      toResult(
        generation([{ text: " rewritten " }, { image: "https://oss/x.png" }], { width: 1280, height: 720 }),
      ),
    ).toEqual({
      outputs: [{ url: "https://oss/x.png", width: 1280, height: 720 }],
      revisedPrompt: "rewritten",
    });
  });

  it("returns no revisedPrompt without a text item, and null without an image", () => {
    expect(toResult(generation([{ image: "https://oss/x.png" }]))).toEqual({
      outputs: [{ url: "https://oss/x.png", width: undefined, height: undefined }],
    });
    expect(toResult(generation([{ text: "only text" }]))).toBeNull();
  });
});
