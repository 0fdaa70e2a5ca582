import { describe, expect, it } from "vitest";
import type { ImageView, JobView, RunView } from "@/lib/api/views";
import { withJob } from "@/lib/hooks/use-job-action";
import { tallestRatio } from "@/components/gallery/matrix-columns";
import { viewedTake } from "@/lib/models/takes";
import {
  allImageIds,
  imageSlots,
  lineImageIds,
  matrixCells,
  matrixImages,
  stepInMatrix,
} from "./run-matrix-model";

function image(id: string): ImageView {
  return {
    id,
    url: `/f/${id}`,
    thumbnailUrl: `/t/${id}`,
    width: 64,
    height: 64,
    contentType: "image/png",
    byteSize: 1,
    index: 0,
    starred: false,
    note: null,
  };
}

function job(promptIndex: number, configIndex: number, take: number, images: number): JobView {
  const id = `j${promptIndex}${configIndex}${take}`;
  return {
    id,
    modelId: "shortapi/flux-1.0",
    promptIndex,
    configIndex,
    prompt: `prompt ${promptIndex}`,
    take,
    seed: null,
    revisedPrompt: null,
    retryNote: null,
    params: {},
    status: "succeeded",
    images: Array.from({ length: images }, (_, index) => image(`${id}-${index}`)),
    expectedImages: images,
    aspectRatio: 1,
    estimatedCostUsd: null,
    notes: [],
    createdAt: "2026-01-01T00:00:00.000Z",
  };
}

function run(jobs: JobView[], prompts = 2, configs = 2): RunView {
  return {
    id: "r",
    prompt: "prompt 0",
    prompts: Array.from({ length: prompts }, (_, index) => `prompt ${index}`),
    configs: Array.from({ length: configs }, (_, index) => ({
      index,
      modelId: "shortapi/flux-1.0",
      params: {},
      label: `FLUX.1 · ${index}`,
      notes: [],
    })),
    seed: null,
    inputs: [],
    createdAt: "2026-01-01T00:00:00.000Z",
    jobs,
  };
}

describe("the run matrix", () => {
  it("puts every take in its cell, oldest first, and shows the newest unless one is picked", () => {
    const cells = matrixCells(run([job(1, 0, 2, 1), job(0, 0, 1, 1), job(1, 0, 1, 1), job(1, 1, 1, 1)]));
    expect(cells.map((row) => row.map((cell) => cell.takes.map((entry) => entry.take)))).toEqual([
      [[1], []],
      [[1, 2], [1]],
    ]);
    expect(viewedTake(cells[1]![0]!.takes, undefined)?.take).toBe(2);
    expect(viewedTake(cells[1]![0]!.takes, 1)?.take).toBe(1);
    expect(viewedTake(cells[0]![1]!.takes, undefined)).toBeUndefined();
  });

  it("gives every cell as many image slots as the fullest job, so images share one scale", () => {
    expect(imageSlots(run([job(0, 0, 1, 1), job(0, 1, 1, 2)]))).toBe(2);
    expect(imageSlots(run([job(0, 0, 1, 1)]))).toBe(1);
    expect(imageSlots(run([job(0, 0, 1, 9)]))).toBe(4);
    expect(imageSlots(run([]))).toBe(1);
    expect(imageSlots(run([{ ...job(0, 0, 1, 1), expectedImages: 4 }]))).toBe(1);
    expect(imageSlots(run([{ ...job(0, 0, 1, 0), status: "running", expectedImages: 2 }]))).toBe(2);
  });

  it("steps ← → in reading order and ↑ ↓ within a column, at the same image where there is one", () => {
    const view = run([job(0, 0, 1, 2), job(0, 1, 1, 1), job(1, 0, 1, 1), job(1, 1, 1, 2)]);
    const items = matrixImages(view, matrixCells(view), new Map());
    const at = (row: number, column: number, position: number) =>
      items.findIndex((item) => item.row === row && item.column === column && item.position === position);
    expect(items.map((item) => item.image.id)).toEqual([
      "j001-0",
      "j001-1",
      "j011-0",
      "j101-0",
      "j111-0",
      "j111-1",
    ]);
    expect(stepInMatrix(items, at(0, 0, 2), "right")).toBe(at(0, 1, 1));
    expect(stepInMatrix(items, at(1, 1, 2), "right")).toBe(0);
    expect(stepInMatrix(items, 0, "left")).toBe(items.length - 1);
    expect(stepInMatrix(items, at(0, 0, 2), "down")).toBe(at(1, 0, 1));
    expect(stepInMatrix(items, at(0, 1, 1), "down")).toBe(at(1, 1, 1));
    expect(stepInMatrix(items, at(1, 1, 2), "up")).toBe(at(0, 1, 1));
    expect(stepInMatrix(items, at(0, 1, 1), "up")).toBeNull();
    expect(stepInMatrix(items, at(1, 0, 1), "down")).toBeNull();
  });

  it("skips rows without images in the column, and follows the picked take", () => {
    const failed = { ...job(1, 0, 1, 0), status: "failed" as const };
    const view = run([job(0, 0, 1, 1), failed, job(2, 0, 1, 1), job(2, 0, 2, 1)], 3, 1);
    const items = matrixImages(view, matrixCells(view), new Map([["2:0", 1]]));
    expect(items.map((item) => item.job.id)).toEqual(["j001", "j201"]);
    expect(stepInMatrix(items, 0, "down")).toBe(1);
  });

  it("compares a row across its configurations and a column across its prompts, one image per cell", () => {
    const failed = { ...job(1, 1, 1, 0), status: "failed" as const };
    const view = run([job(0, 0, 1, 2), job(0, 1, 1, 1), job(1, 0, 1, 1), job(1, 0, 2, 1), failed], 2, 2);
    const items = matrixImages(view, matrixCells(view), new Map([["1:0", 1]]));
    expect(lineImageIds(items, { row: 0 })).toEqual(["j001-0", "j011-0"]);
    expect(lineImageIds(items, { row: 1 })).toEqual(["j101-0"]);
    expect(lineImageIds(items, { column: 0 })).toEqual(["j001-0", "j101-0"]);
    expect(lineImageIds(items, { column: 1 })).toEqual(["j011-0"]);
  });

  it("compares all of a one-prompt run: every image of each cell's shown take, or one per cell past the limit", () => {
    const view = run([job(0, 0, 1, 2), job(0, 1, 1, 1), job(0, 1, 2, 3)], 1, 2);
    const items = matrixImages(view, matrixCells(view), new Map([["0:1", 1]]));
    expect(allImageIds(items, 12)).toEqual(["j001-0", "j001-1", "j011-0"]);
    expect(allImageIds(items, 2)).toEqual(["j001-0", "j011-0"]);
  });

  it("puts a new take into the cached run in row, column, take order, and replaces a changed job", () => {
    const view = run([job(0, 0, 1, 1), job(1, 0, 1, 1)]);
    const added = withJob(view, job(0, 0, 2, 0));
    expect(added.jobs.map((entry) => entry.id)).toEqual(["j001", "j002", "j101"]);
    const canceled = withJob(added, { ...job(0, 0, 2, 0), status: "canceled" });
    expect(canceled.jobs.map((entry) => entry.status)).toEqual(["succeeded", "canceled", "succeeded"]);
  });
});

describe("tallestRatio", () => {
  it("is the narrowest shape any job asks for or any image has", () => {
    const wide = { ...job(0, 0, 1, 0), aspectRatio: 16 / 9 };
    const tall = { ...job(0, 1, 1, 0), aspectRatio: 9 / 16 };
    expect(tallestRatio(run([wide]))).toBeCloseTo(16 / 9);
    expect(tallestRatio(run([wide, tall]))).toBeCloseTo(9 / 16);
    const drawn = { ...wide, images: [{ ...image("i"), width: 60, height: 80 }] };
    expect(tallestRatio(run([drawn]))).toBeCloseTo(0.75);
    expect(tallestRatio(run([]))).toBe(1);
  });
});
