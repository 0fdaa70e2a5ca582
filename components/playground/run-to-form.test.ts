import { describe, expect, it } from "vitest";
import { expandPromptVariants } from "@/lib/models/prompt-variants";
import { startingParams } from "@/lib/models/starting-params";
import { findModel } from "@/lib/models/catalog";
import { INITIAL_SHARED_SETTINGS } from "@/lib/models/types";
import { unavailableReason } from "./model-blocked";
import { formFromRun, loadedNotice } from "./run-to-form";

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
      () => null,
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

  it("brings back the run's aspect ratio and image count as shared settings, not as per-model edits", () => {
    const wide = { aspectRatio: "16:9", numImages: 2 } as const;
    const flux = findModel("shortapi/flux-1.0")!;
    const gpt = findModel("shortapi/gpt-image-2")!;
    const form = formFromRun(
      {
        prompts: ["a fox"],
        configs: [
          config(0, TURBO, { ...startingParams(turbo, wide), num_inference_steps: 16 }),
          config(1, "shortapi/flux-1.0", { ...startingParams(flux, wide), performance: "schnell" }),
          config(2, "shortapi/gpt-image-2", startingParams(gpt, wide)),
        ],
        seed: null,
      },
      INITIAL_SHARED_SETTINGS,
      () => null,
    );
    expect(form.shared).toEqual(wide);
    expect(form.configs.map((entry) => entry.edits)).toEqual([
      { num_inference_steps: 16 },
      { performance: "schnell" },
      {},
    ]);
  });

  it("keeps the current shared settings when the run's params fit them as well as any other", () => {
    const gpt = findModel("shortapi/gpt-image-2")!;
    const current = { aspectRatio: "16:9", numImages: 1 } as const;
    const run = {
      prompts: ["a fox"],
      configs: [config(0, "shortapi/gpt-image-2", startingParams(gpt, current))],
      seed: null,
    };
    // 16:9 and 3:2 both send 1536x1024: an exact 3:2 explains it with no "nearest" note.
    expect(formFromRun(run, INITIAL_SHARED_SETTINGS, () => null).shared).toEqual({
      aspectRatio: "3:2",
      numImages: 1,
    });
    expect(formFromRun(run, current, () => null).shared).toEqual(current);
    expect(formFromRun({ ...run, configs: [] }, current, () => null).shared).toEqual(current);
  });

  it("writes several prompts as Variants lines that expand to exactly those prompts", () => {
    const prompts = ["a {literal} fox", "a red | blue fox", "C:\\path"];
    const form = formFromRun({ prompts, configs: [], seed: 42 }, INITIAL_SHARED_SETTINGS, () => null);
    expect(form.promptMode).toBe("variants");
    expect(expandPromptVariants(form.prompt, 12)).toEqual({ ok: true, prompts });
    expect(form.seed).toEqual({ locked: true, value: "42" });
  });

  it("loads the Variants text a run was written as, not the prompts it expanded to", () => {
    const promptText = "a {red|blue} fox\nan owl";
    const prompts = ["a red fox", "a blue fox", "an owl"];
    const form = formFromRun(
      { prompts, promptText, configs: [], seed: null },
      INITIAL_SHARED_SETTINGS,
      () => null,
    );
    expect(form.promptMode).toBe("variants");
    expect(form.prompt).toBe(promptText);
    const single = formFromRun(
      { prompts: ["a fox"], promptText: "a fox", configs: [], seed: null },
      INITIAL_SHARED_SETTINGS,
      () => null,
    );
    expect([single.promptMode, single.prompt]).toEqual(["variants", "a fox"]);
  });

  it("leaves out models this playground cannot use, naming them and saying why", () => {
    const EDIT = "pixazo/qwen-image-edit";
    const needsPublicUrl =
      "needs PUBLIC_URL, or S3_PRESIGNED_INPUTS with a bucket it can reach, so the provider can fetch your image";
    // As /api/models describes them: an edit model without PUBLIC_URL, a model without a key.
    const views: Record<string, { available: boolean; unavailableReason?: string }> = {
      [EDIT]: { available: false, unavailableReason: needsPublicUrl },
      [TURBO]: { available: false },
    };
    const form = formFromRun(
      {
        prompts: ["a fox"],
        configs: [
          config(0, "gone/model", {}, "Gone"),
          config(1, TURBO, {}, "Z-Image Turbo"),
          config(2, EDIT, {}, "Qwen Image Edit"),
        ],
        seed: null,
      },
      INITIAL_SHARED_SETTINGS,
      (modelId) => unavailableReason(views[modelId]!),
    );
    expect(form.configs).toEqual([]);
    expect(form.skipped).toEqual([
      { label: "Gone", reason: "not in this Prism's catalog" },
      { label: "Z-Image Turbo", reason: "Add this provider's API key to enable it" },
      { label: "Qwen Image Edit", reason: needsPublicUrl },
    ]);
    expect(loadedNotice(1, form)).toContain(`Qwen Image Edit (${needsPublicUrl})`);
  });
});
