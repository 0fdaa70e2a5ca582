import { describe, expect, it } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import type { RunView } from "@/lib/api/views";
import { rerunBody } from "./rerun-body";

const input = (id: string) => ({
  id,
  url: `/api/inputs/${id}/file`,
  thumbnailUrl: `/api/inputs/${id}/thumbnail`,
  width: 640,
  height: 480,
  contentType: "image/png",
  byteSize: 1000,
  notes: [],
});

const run = (overrides: Partial<RunView>) =>
  ({
    prompts: ["a red fox", "a blue fox"],
    promptText: "a {red|blue} fox",
    configs: [{ index: 0, modelId: "shortapi/gpt-image-2-edit", params: {}, notes: [], label: "Edit" }],
    seed: 42,
    inputs: [],
    ...overrides,
  }) as unknown as RunView;

describe("rerunBody", () => {
  it("keeps an edit run's input images, in order, so its edit models have something to edit", () => {
    const body = rerunBody(run({ inputs: [input("in-1"), input("in-2")] }));
    expect(body.inputs).toEqual(["in-1", "in-2"]);
    expect(createRunBodySchema.safeParse(body).success).toBe(true);
  });

  it("keeps the prompts with the Variants text they came from, the labels and the seed", () => {
    const body = rerunBody(
      run({
        configs: [
          { index: 0, modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" }, notes: [], label: "Z" },
        ],
      }),
    );
    expect(body).toMatchObject({
      prompts: ["a red fox", "a blue fox"],
      promptText: "a {red|blue} fox",
      models: [{ modelId: "shortapi/z-image", label: "Z" }],
      seed: 42,
    });
    expect(body).not.toHaveProperty("inputs");
    expect(createRunBodySchema.safeParse(body).success).toBe(true);
  });
});
