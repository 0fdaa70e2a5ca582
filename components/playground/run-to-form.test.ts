import { describe, expect, it } from "vitest";
import { expandPromptVariants } from "@/lib/models/prompt-variants";
import { startingParams } from "@/lib/models/starting-params";
import { findModel } from "@/lib/models/catalog";
import { INITIAL_SHARED_SETTINGS } from "@/lib/models/types";
import { formFromRun } from "./run-to-form";

const TURBO = "pixazo/z-image-turbo";
const turbo = findModel(TURBO)!;
const config = (index: number, modelId: string, params: Record<string, unknown>, label = modelId) => ({
  index,
  modelId,
  params,
  label,
  notes: [],
});

describe("formFromRun", () => {
  it("keeps as edits only what differs from a fresh form under the current shared settings", () => {
    const start = startingParams(turbo, INITIAL_SHARED_SETTINGS);
    const form = formFromRun(
      {
        prompts: ["a fox"],
        configs: [config(0, TURBO, { ...start, num_inference_steps: 16 }), config(1, TURBO, { ...start })],
        seed: null,
      },
      INITIAL_SHARED_SETTINGS,
      () => true,
    );
    expect(form.promptMode).toBe("single");
    expect(form.prompt).toBe("a fox");
    expect(form.configs.map((entry) => [entry.modelId, entry.edits])).toEqual([
      [TURBO, { num_inference_steps: 16 }],
      [TURBO, {}],
    ]);
    expect(new Set(form.configs.map((entry) => entry.key)).size).toBe(2);
    expect(form.seed).toEqual({ locked: false, value: "" });
  });

  it("writes several prompts as Variants lines that expand to exactly those prompts", () => {
    const prompts = ["a {literal} fox", "a red | blue fox", "C:\\path"];
    const form = formFromRun({ prompts, configs: [], seed: 42 }, INITIAL_SHARED_SETTINGS, () => true);
    expect(form.promptMode).toBe("variants");
    expect(expandPromptVariants(form.prompt, 12)).toEqual({ ok: true, prompts });
    expect(form.seed).toEqual({ locked: true, value: "42" });
  });

  it("leaves out models this playground cannot use, naming them", () => {
    const form = formFromRun(
      {
        prompts: ["a fox"],
        configs: [config(0, "gone/model", {}, "Gone"), config(1, TURBO, {}, "Z-Image Turbo")],
        seed: null,
      },
      INITIAL_SHARED_SETTINGS,
      (modelId) => modelId !== TURBO,
    );
    expect(form.configs).toEqual([]);
    expect(form.skipped).toEqual(["Gone", "Z-Image Turbo"]);
  });
});
