import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { JobView, RunView } from "@/lib/api/views";
import type { ReviewView } from "@/lib/api/review-views";
import { MANIFEST_NAME, planArchive, type ArchiveManifest } from "./archive-manifest";
import { planBlindArchive } from "./blind-archive";
import { zipStream } from "./zip-stream";

function job(modelId: string, imageIds: string[], extra: Partial<JobView> = {}): JobView {
  return {
    id: `job-${modelId}`,
    modelId,
    promptIndex: 0,
    configIndex: 0,
    prompt: "A red fox",
    take: 1,
    seed: null,
    revisedPrompt: null,
    retryNote: null,
    params: { aspect_ratio: "1:1", seed: 7 },
    status: "succeeded",
    images: imageIds.map((id, index) => ({
      id,
      url: `/api/files/${id}.png`,
      thumbnailUrl: `/api/files/${id}.webp`,
      width: 1024,
      height: 1024,
      contentType: index === 1 ? "image/jpeg" : "image/png",
      byteSize: 3,
      index,
      starred: index === 0,
      note: null,
    })),
    expectedImages: imageIds.length,
    aspectRatio: 1,
    estimatedCostUsd: 0.01,
    notes: [],
    createdAt: "2026-03-01T10:00:00.000Z",
    startedAt: "2026-03-01T10:00:01.000Z",
    finishedAt: "2026-03-01T10:00:05.500Z",
    ...extra,
  };
}

const run = (id: string, prompt: string, jobs: JobView[]): RunView => ({
  id,
  prompt,
  prompts: [prompt],
  configs: [],
  seed: null,
  inputs: [],
  createdAt: "2026-03-01T10:00:00.000Z",
  jobs,
});

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("run and gallery archives", () => {
  it("hold each distinct input once under inputs/, with the runs that used it in the manifest", () => {
    const input = (id: string, contentType: string) => ({
      id,
      url: `/api/files/${id}`,
      thumbnailUrl: `/api/files/${id}.webp`,
      width: 200,
      height: 150,
      contentType,
      byteSize: 9,
      notes: [],
    });
    const [photo, sketch] = [input("in-1", "image/png"), input("in-2", "image/jpeg")];
    const runs = [
      {
        ...run("r1", "make it blue", [job("dashscope/qwen-image-edit-plus", ["i1"])]),
        inputs: [photo, sketch],
      },
      { ...run("r2", "make it red", [job("dashscope/qwen-image-edit-plus", ["i2"])]), inputs: [photo] },
    ];
    const { manifest, files } = planArchive({ kind: "gallery", id: "slug", title: "Edits" }, runs);
    expect(files.slice(-2)).toEqual([
      { name: "inputs/input-1.png", imageId: "in-1" },
      { name: "inputs/input-2.jpg", imageId: "in-2" },
    ]);
    expect(manifest.inputs).toEqual([
      expect.objectContaining({
        file: "inputs/input-1.png",
        id: "in-1",
        runs: [
          { runId: "r1", position: 1 },
          { runId: "r2", position: 1 },
        ],
      }),
      expect.objectContaining({
        file: "inputs/input-2.jpg",
        id: "in-2",
        runs: [{ runId: "r1", position: 2 }],
      }),
    ]);
    expect(
      planArchive({ kind: "run", id: "r3", title: "t" }, [run("r3", "t", [])]).manifest,
    ).not.toHaveProperty("inputs");
  });

  it("describes every image with prompt, model, params, cost, timings and a unique file name", () => {
    const runs = [
      run("r1", "A red fox", [
        job("shortapi/z-image", ["i1", "i2"], { costUsd: 0.02 }),
        job("dashscope/z-image-turbo", [], { status: "failed" }),
      ]),
      run("r2", "A red fox", [job("shortapi/z-image", ["i3"])]),
    ];
    const { manifest, files } = planArchive(
      { kind: "gallery", id: "slug", title: "Foxes", note: "pick one" },
      runs,
      new Date("2026-03-02T00:00:00Z"),
    );
    expect(files).toEqual([
      { name: "p1-shortapi-z-image-take1-shortapi-z-image-a-red-fox-1.png", imageId: "i1" },
      { name: "p1-shortapi-z-image-take1-shortapi-z-image-a-red-fox-2.jpg", imageId: "i2" },
      { name: "p1-shortapi-z-image-take1-shortapi-z-image-a-red-fox-1-2.png", imageId: "i3" },
    ]);
    expect(manifest).toMatchObject({
      generator: "Prism",
      kind: "gallery",
      id: "slug",
      title: "Foxes",
      note: "pick one",
      exportedAt: "2026-03-02T00:00:00.000Z",
    });
    expect(manifest.images[0]).toEqual({
      file: "p1-shortapi-z-image-take1-shortapi-z-image-a-red-fox-1.png",
      runId: "r1",
      jobId: "job-shortapi/z-image",
      prompt: "A red fox",
      revisedPrompt: null,
      model: "shortapi/z-image",
      promptIndex: 0,
      configIndex: 0,
      configuration: "shortapi/z-image",
      take: 1,
      seed: null,
      index: 1,
      params: { aspect_ratio: "1:1", seed: 7 },
      timings: {
        createdAt: "2026-03-01T10:00:00.000Z",
        startedAt: "2026-03-01T10:00:01.000Z",
        finishedAt: "2026-03-01T10:00:05.500Z",
        durationMs: 5500,
      },
      width: 1024,
      height: 1024,
      contentType: "image/png",
      byteSize: 3,
      starred: true,
      note: null,
    });
    expect(manifest.images[2]).toMatchObject({ runId: "r2" });
    expect(manifest.images[0]).not.toHaveProperty("costUsd");
  });

  it("records each image's cell, take, the seed sent and the prompt the provider really used", () => {
    const taken = { promptIndex: 1, configIndex: 2, take: 3, seed: 42 };
    const runs = [
      run("r1", "A red fox", [
        job("dashscope/z-image-turbo", ["i1"], { ...taken, revisedPrompt: "A red fox, soft light" }),
      ]),
    ];
    const { manifest } = planArchive({ kind: "run", id: "r1", title: "Foxes" }, runs);
    expect(manifest.images[0]).toMatchObject({ ...taken, revisedPrompt: "A red fox, soft light" });
  });

  it("names each file after its prompt number, column label and take, and gives the label in the manifest", () => {
    const FLUX = "shortapi/flux-1.0";
    const column = (index: number, performance: string, label: string) => ({
      index,
      modelId: FLUX,
      params: { performance },
      label,
      notes: [],
    });
    const matrix: RunView = {
      ...run("r1", "A red fox", [
        job(FLUX, ["s1"], { id: "j1", configIndex: 0, take: 2 }),
        job(FLUX, ["d1"], { id: "j2", configIndex: 1 }),
        job(FLUX, ["d2"], { id: "j3", promptIndex: 1, configIndex: 1, prompt: "A blue owl" }),
      ]),
      prompts: ["A red fox", "A blue owl"],
      configs: [column(0, "schnell", "FLUX.1 · schnell"), column(1, "dev", "FLUX.1 · dev")],
    };
    const { manifest, files } = planArchive({ kind: "run", id: "r1", title: "Foxes" }, [matrix]);
    expect(files.map((file) => file.name)).toEqual([
      "p1-flux-1-schnell-take2-shortapi-flux-1-0-a-red-fox-1.png",
      "p1-flux-1-dev-take1-shortapi-flux-1-0-a-red-fox-1.png",
      "p2-flux-1-dev-take1-shortapi-flux-1-0-a-blue-owl-1.png",
    ]);
    expect(manifest.images.map((image) => image.configuration)).toEqual([
      "FLUX.1 · schnell",
      "FLUX.1 · dev",
      "FLUX.1 · dev",
    ]);
  });

  it("gives each job's cost once, and a total that does not double-count multi-image jobs", () => {
    const runs = [
      run("r1", "A red fox", [
        job("shortapi/z-image", ["i1", "i2"], { id: "j1", costUsd: 0.02 }),
        job("pixazo/z-image-turbo", ["i3"], { id: "j2", estimatedCostUsd: null }),
        job("dashscope/z-image-turbo", [], { id: "j3", status: "failed" }),
      ]),
      run("r2", "A red fox", [job("shortapi/flux-1.0", ["i4"], { id: "j4", estimatedCostUsd: 0.005 })]),
    ];
    const { manifest } = planArchive({ kind: "run", id: "r1", title: "Foxes" }, runs);
    expect(manifest.jobs).toEqual([
      { id: "j1", runId: "r1", model: "shortapi/z-image", images: 2, costUsd: 0.02, estimatedCostUsd: 0.01 },
      {
        id: "j2",
        runId: "r1",
        model: "pixazo/z-image-turbo",
        images: 1,
        costUsd: null,
        estimatedCostUsd: null,
      },
      {
        id: "j4",
        runId: "r2",
        model: "shortapi/flux-1.0",
        images: 1,
        costUsd: null,
        estimatedCostUsd: 0.005,
      },
    ]);
    expect(manifest.total).toEqual({ images: 4, costUsd: 0.025, includesEstimates: true, unpricedJobs: 1 });
  });

  it("never tells what the owner paid in a share link's ZIP", () => {
    const runs = [run("r1", "A red fox", [job("shortapi/z-image", ["i1"], { id: "j1", costUsd: 0.02 })])];
    const { manifest } = planArchive({ kind: "gallery", id: "slug", title: "Foxes" }, runs);
    expect(manifest.total).toEqual({ images: 1 });
    expect(manifest.jobs).toEqual([{ id: "j1", runId: "r1", model: "shortapi/z-image", images: 1 }]);
    expect(JSON.stringify(manifest)).not.toMatch(/cost/i);
  });

  it("names a blind review's files after the prompt and option letter, and its manifest names no model", () => {
    const [first, second] = job("shortapi/z-image", ["i1", "i2"]).images;
    const review: ReviewView = {
      blind: true,
      revealed: false,
      open: true,
      round: 1,
      invite: null,
      comment: null,
      reviewerName: null,
      tally: null,
      prompts: [
        {
          key: "k1",
          prompt: "A red fox",
          inputs: [],
          pickedImageId: null,
          none: false,
          comment: null,
          options: [
            { label: "A", image: second! },
            { label: "B", image: first! },
          ],
        },
      ],
    };
    const { manifest, files } = planBlindArchive({ kind: "gallery", id: "slug", title: "Foxes" }, review);
    expect(files).toEqual([
      { name: "option-a-a-red-fox-1.webp", imageId: "i2" },
      { name: "option-b-a-red-fox-1.webp", imageId: "i1" },
    ]);
    expect(manifest.images.map((image) => image.option)).toEqual(["A", "B"]);
    expect(JSON.stringify(manifest)).not.toMatch(/shortapi|z-image|cost|params/i);
  });

  it("streams a ZIP that holds the manifest and every file byte for byte", async () => {
    const { manifest, files } = planArchive({ kind: "run", id: "r1", title: "A red fox" }, [
      run("r1", "A red fox", [job("shortapi/z-image", ["i1", "i2"])]),
    ]);
    const bytes: Record<string, Uint8Array> = {
      i1: new Uint8Array([1, 2, 3]),
      i2: new Uint8Array(200_000).fill(9),
    };
    const chunked = (data: Uint8Array) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < data.length; offset += 65_536)
            controller.enqueue(data.slice(offset, offset + 65_536));
          controller.close();
        },
      });
    const zip = await collect(
      zipStream([
        { name: MANIFEST_NAME, open: async () => new TextEncoder().encode(JSON.stringify(manifest)) },
        ...files.map((file) => ({ name: file.name, open: async () => chunked(bytes[file.imageId]!) })),
      ]),
    );
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual([MANIFEST_NAME, ...files.map((file) => file.name)].sort());
    const parsed = JSON.parse(strFromU8(entries[MANIFEST_NAME]!)) as ArchiveManifest;
    expect(parsed.images.map((image) => image.file)).toEqual(files.map((file) => file.name));
    expect(parsed).not.toHaveProperty("note");
    for (const file of files) expect(entries[file.name]).toEqual(bytes[file.imageId]);
  });
});
