import { describe, expect, it } from "vitest";
import type { GalleryRows } from "@/lib/db/queries/galleries";
import type { GalleryRow, ImageRow, JobRow, RunRow } from "@/lib/db/schema";
import { reviewPrompts } from "./review-prompts";

const FLUX = "shortapi/flux-1.0";

function run(id: string, prompts: string[]) {
  const configs = [{ modelId: FLUX, params: {}, label: "FLUX.1", notes: [] }];
  return { id, prompt: prompts[0], prompts, configs } as unknown as RunRow;
}

function job(id: string, runId: string, promptIndex: number, prompt: string) {
  return {
    id,
    runId,
    promptIndex,
    configIndex: 0,
    take: 1,
    modelId: FLUX,
    params: {},
    prompt,
  } as unknown as JobRow;
}

function image(id: string, jobId: string, runId: string, createdAt: string) {
  return { id, jobId, runId, index: 0, createdAt: new Date(createdAt) } as unknown as ImageRow;
}

const gallery = { id: "g", slug: "slug" } as unknown as GalleryRow;

describe("reviewPrompts", () => {
  it("keeps the run's row order, whatever order the images were shared or made in", () => {
    // Rows neither alphabetical nor in the order their images were made or picked.
    const prompts = ["Zebra at noon", "Apple orchard", "Mango tree"];
    const rows: GalleryRows = {
      gallery,
      runs: [run("r", prompts)],
      jobs: prompts.map((prompt, row) => job(`j${row}`, "r", row, prompt)),
      // Gallery order: the starred images as they were picked, the last row first.
      images: [
        image("i2", "j2", "r", "2026-03-01T10:00:01Z"),
        image("i1", "j1", "r", "2026-03-01T10:00:00Z"),
        image("i0", "j0", "r", "2026-03-01T10:00:02Z"),
      ],
    };
    expect(reviewPrompts(rows).map((prompt) => prompt.prompt)).toEqual(prompts);
  });

  it("lists runs in the order of their first shared image, and a prompt two runs share where its first run has it", () => {
    const rows: GalleryRows = {
      gallery,
      runs: [run("one", ["Bright kite", "Red fox"]), run("two", ["Red fox", "Amber lamp"])],
      jobs: [
        job("a0", "one", 0, "Bright kite"),
        job("a1", "one", 1, "Red fox"),
        job("b0", "two", 0, "Red fox"),
        job("b1", "two", 1, "Amber lamp"),
      ],
      images: [
        image("x1", "a1", "one", "2026-03-01T10:00:00Z"),
        image("y1", "b1", "two", "2026-03-01T09:00:00Z"),
        image("y0", "b0", "two", "2026-03-01T09:00:00Z"),
        image("x0", "a0", "one", "2026-03-01T10:00:00Z"),
      ],
    };
    const questions = reviewPrompts(rows);
    expect(questions.map((prompt) => prompt.prompt)).toEqual(["Bright kite", "Red fox", "Amber lamp"]);
    // Options stay in gallery order.
    expect(questions[1]!.options.map((option) => option.imageId)).toEqual(["x1", "y0"]);
  });
});
