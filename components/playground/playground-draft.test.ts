import { describe, expect, it } from "vitest";
import { parseDraft } from "./playground-draft";

const SHARED = { aspectRatio: "16:9", numImages: 2 };
const INPUT = {
  id: "input-1",
  url: "/api/files/inputs/a.png",
  thumbnailUrl: "/api/files/inputs/a.webp",
  width: 200,
  height: 150,
  contentType: "image/png",
  byteSize: 1234,
  notes: [],
};

describe("parseDraft", () => {
  it("reads a draft with variants, configurations, seed and feed back as it was saved", () => {
    const draft = {
      prompt: "a {red|blue} fox",
      promptMode: "variants",
      configs: [
        { modelId: "pixazo/z-image-turbo", edits: { num_inference_steps: 8 } },
        { modelId: "pixazo/z-image-turbo", edits: { num_inference_steps: 16 } },
      ],
      shared: SHARED,
      seed: { locked: true, value: "42" },
      feed: [{ id: "run-2", prompt: "a red fox", promptCount: 2, configCount: 2 }],
      inputs: [INPUT],
      editedFrom: "run-1",
    };
    expect(parseDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it("upgrades a draft saved before variants: one configuration per model, its run in the feed", () => {
    expect(
      parseDraft({
        prompt: "a fox",
        modelIds: ["a/x", "b/y"],
        shared: SHARED,
        edits: { "a/x": { steps: 4 } },
        runId: "run-1",
      }),
    ).toEqual({
      prompt: "a fox",
      promptMode: "single",
      configs: [
        { modelId: "a/x", edits: { steps: 4 } },
        { modelId: "b/y", edits: {} },
      ],
      shared: SHARED,
      seed: { locked: false, value: "" },
      feed: [{ id: "run-1", prompt: "", promptCount: 1, configCount: 0 }],
      inputs: [],
      editedFrom: null,
    });
  });

  it("refuses anything that is not a draft", () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft({ prompt: "a fox", shared: { aspectRatio: "5:1", numImages: 1 } })).toBeNull();
  });
});
