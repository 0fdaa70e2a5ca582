import { describe, expect, it } from "vitest";
import { locateIssue } from "./run-issues";

describe("locateIssue", () => {
  it("puts prompt issues on the prompt field, naming the row of a Variants run", () => {
    expect(locateIssue({ path: "prompt", message: "Prompt is required" })).toEqual({
      kind: "prompt",
      message: "Prompt is required",
    });
    expect(locateIssue({ path: "prompts.2", message: "Too long" })).toEqual({
      kind: "prompt",
      message: "Prompt 3: Too long",
    });
    expect(locateIssue({ path: "prompts", message: "A run takes at most 12 prompts" })).toEqual({
      kind: "prompt",
      message: "A run takes at most 12 prompts",
    });
  });

  it("puts a parameter issue on its configuration's field, and the rest beside Generate", () => {
    expect(locateIssue({ path: "models.1.params.num_images", message: "Too many" })).toEqual({
      kind: "model-field",
      modelIndex: 1,
      field: "num_images",
      message: "Too many",
    });
    expect(locateIssue({ path: "models", message: "Choose at most 8 models" })).toEqual({
      kind: "general",
      message: "models: Choose at most 8 models",
    });
  });

  it("names an input image by its place in the list", () => {
    expect(locateIssue({ path: "inputs.0", message: "No such input image" })).toEqual({
      kind: "general",
      message: "Input image 1: No such input image",
    });
  });
});
