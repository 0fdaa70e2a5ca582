import { describe, expect, it } from "vitest";
import type { ParamField } from "./params";
import { editChanges, type RunToCompare } from "./edit-changes";

const FIELDS: ParamField[] = [
  { name: "num_inference_steps", title: "Steps", kind: "number" },
  {
    name: "performance",
    title: "Performance",
    kind: "enum",
    options: [
      { value: "dev", label: "dev" },
      { value: "schnell", label: "schnell" },
    ],
  },
];

const flux = (params: Record<string, unknown>, label = "FLUX.1") => ({
  modelId: "shortapi/flux-1.0",
  params,
  label,
});

const run = (overrides: Partial<RunToCompare>): RunToCompare => ({
  prompts: ["a red fox"],
  promptText: null,
  configs: [flux({ num_inference_steps: 28, performance: "dev" })],
  seed: null,
  ...overrides,
});

describe("editChanges", () => {
  it("says nothing changed for the same run", () => {
    expect(editChanges(run({}), run({}), () => FIELDS)).toEqual({ settings: [] });
  });

  it("diffs the text as written, the template of a Variants run included", () => {
    const before = run({ prompts: ["a red fox", "a blue fox"], promptText: "a {red|blue} fox" });
    const after = run({
      prompts: ["a red fox at dusk", "a blue fox at dusk"],
      promptText: "a {red|blue} fox at dusk",
    });
    expect(editChanges(before, after, () => FIELDS).prompt).toEqual([
      { op: "same", text: "a {red|blue} fox" },
      { op: "added", text: "at dusk" },
    ]);
  });

  it("names each parameter changed, each configuration added or removed, and the seed", () => {
    const before = run({
      configs: [
        flux({ num_inference_steps: 28, performance: "dev" }),
        { modelId: "shortapi/gpt-image-2", params: {}, label: "GPT Image 2" },
      ],
      seed: 7,
    });
    const after = run({
      configs: [
        flux({ num_inference_steps: 16, performance: "schnell" }),
        { modelId: "pixazo/z-image-turbo", params: {}, label: "Z-Image Turbo" },
      ],
    });
    expect(editChanges(before, after, () => FIELDS).settings).toEqual([
      "FLUX.1: Steps 28 → 16",
      "FLUX.1: Performance dev → schnell",
      "Added Z-Image Turbo",
      "Removed GPT Image 2",
      "Seed 7 → random",
    ]);
  });
});
