import { decodeRunCursor } from "@/lib/api/run-cursor";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { createRun } from "@/lib/jobs/create-run";
import { emptyDatabase, openTestDatabase, runKey } from "@/lib/testing/test-database";
import { jobs } from "../schema";
import { insertImage, updateImageAnnotations } from "./images";
import { getRunView, listRuns } from "@/lib/views/run-views";
import { deleteRun, getRunRows, getRunVersion } from "./runs";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(() => emptyDatabase(handle));

const zImage = { modelId: "shortapi/z-image", params: { aspect_ratio: "16:9" } };
const dashscope = {
  modelId: "dashscope/z-image-turbo",
  params: {},
  notes: ["Makes 1 image (one per request)"],
};

function create(prompt: string, models: unknown[] = [zImage], at = new Date(), idempotencyKey?: string) {
  return createRun(handle.db, createRunBodySchema.parse({ prompt, models }), {
    now: at,
    idempotency: idempotencyKey ? runKey(idempotencyKey) : undefined,
  });
}

async function addImage(runId: string, jobId: string, index: number, key: string) {
  await insertImage(handle.db, {
    id: newId(),
    jobId,
    runId,
    index,
    blobKey: `${key}.png`,
    thumbnailKey: `${key}.webp`,
    width: 1024,
    height: 576,
    contentType: "image/png",
    byteSize: 10,
    sha256: key,
  });
}

describe("runs queries", () => {
  it("creates a run with queued jobs in request order and reads it back", async () => {
    const created = await create("a fox", [zImage, dashscope]);
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(created.jobs.map((job) => [job.modelId, job.status])).toEqual([
      ["shortapi/z-image", "queued"],
      ["dashscope/z-image-turbo", "queued"],
    ]);
    const view = await getRunView(handle.db, created.id);
    expect(view?.prompt).toBe("a fox");
    expect(view?.jobs[0]).toMatchObject({
      modelId: "shortapi/z-image",
      params: { aspect_ratio: "16:9", num_images: 1, resolution: "1K" },
      images: [],
      notes: [],
    });
    expect(view?.jobs[0]?.estimatedCostUsd).toBeGreaterThan(0);
    expect(view?.jobs[1]).toMatchObject({
      estimatedCostUsd: 0.01,
      costAssumed: true,
      notes: ["Makes 1 image (one per request)"],
    });
    expect(await getRunView(handle.db, "missing")).toBeNull();
  });

  it("returns the same run for a repeated idempotency key, even concurrently", async () => {
    const results = await Promise.all([1, 2, 3].map(() => create("a fox", [zImage], new Date(), "key-1")));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await handle.db.select().from(jobs)).toHaveLength(1);
  });

  it("refuses a reused idempotency key with another request, naming what differs; keys belong to their caller", async () => {
    const first = await create("a fox", [zImage], new Date(), "key-2");
    const refused = await create("a crow", [zImage, dashscope], new Date(), "key-2").catch((error) => error);
    expect(refused).toMatchObject({
      code: "invalid_input",
      issues: [{ path: "models" }, { path: "prompts" }],
    });
    expect(refused.message).toContain("different request (models, prompts differ)");
    const body = createRunBodySchema.parse({ prompt: "a crow", models: [zImage] });
    const elsewhere = await createRun(handle.db, body, {
      idempotency: { ...runKey("key-2"), scope: "address:10.0.0.9" },
    });
    expect(elsewhere.id).not.toBe(first.id);
    expect(await handle.db.select().from(jobs)).toHaveLength(2);
  });

  it("changes the run version when a job or its images change", async () => {
    const run = await create("a fox");
    const before = await getRunVersion(handle.db, run.id);
    await addImage(run.id, run.jobs[0]!.id, 0, "aa");
    const after = await getRunVersion(handle.db, run.id);
    expect(after).not.toBe(before);
    expect(await getRunVersion(handle.db, run.id)).toBe(after);
    expect(await getRunVersion(handle.db, "missing")).toBeNull();
    expect((await getRunRows(handle.db, run.id))?.run.version).toBe(after);
    const view = await getRunView(handle.db, run.id);
    expect(view?.jobs[0]?.images[0]).toMatchObject({
      url: "/api/files/aa.png",
      thumbnailUrl: "/api/files/aa.webp",
    });
  });

  it("changes the run version for every write in one millisecond: another job's, or a status", async () => {
    const at = new Date("2026-03-01T10:00:05.000Z");
    const run = await create("a fox", [zImage, dashscope], new Date("2026-03-01T10:00:00.000Z"));
    const [first, second] = run.jobs.map((job) => job.id);
    const versions = [await getRunVersion(handle.db, run.id)];
    const write = async (jobId: string, changes: Partial<typeof jobs.$inferInsert>) => {
      await handle.db.update(jobs).set(changes).where(eq(jobs.id, jobId));
      versions.push(await getRunVersion(handle.db, run.id));
      expect((await getRunRows(handle.db, run.id))?.run.version).toBe(versions.at(-1));
    };
    await write(first!, { status: "running", updatedAt: at });
    await write(second!, { status: "running", updatedAt: at });
    await write(second!, { status: "failed", updatedAt: at });
    expect(new Set(versions).size).toBe(versions.length);
  });

  it("lists history newest first with keyset pagination and filters", async () => {
    const base = Date.parse("2026-03-01T10:00:00.000Z");
    const created = [];
    for (let index = 0; index < 5; index += 1) {
      const models = index % 2 === 0 ? [zImage] : [dashscope];
      created.push(
        await create(
          `prompt ${index}${index === 3 ? " 100%_sure" : ""}`,
          models,
          new Date(base + index * 1000),
        ),
      );
    }
    // Two runs in the same millisecond must still page correctly.
    created.push(await create("prompt twin", [zImage], new Date(base + 4000)));

    const first = await listRuns(handle.db, { limit: 4 });
    expect(first.runs).toHaveLength(4);
    expect(first.nextCursor).toBeDefined();
    const second = await listRuns(handle.db, { limit: 4, cursor: decodeRunCursor(first.nextCursor!)! });
    expect(second.nextCursor).toBeUndefined();
    const ids = [...first.runs, ...second.runs].map((run) => run.id);
    expect(new Set(ids).size).toBe(6);
    expect(first.runs[3]?.prompt).toBe("prompt 2");

    expect((await listRuns(handle.db, { limit: 10, q: "100%_" })).runs.map((run) => run.prompt)).toEqual([
      "prompt 3 100%_sure",
    ]);
    expect((await listRuns(handle.db, { limit: 10, q: "%" })).runs).toHaveLength(1);
    expect(
      (await listRuns(handle.db, { limit: 10, q: "sure  PROMPT" })).runs.map((run) => run.prompt),
    ).toEqual(["prompt 3 100%_sure"]);
    expect((await listRuns(handle.db, { limit: 10, q: "twin 3" })).runs).toEqual([]);
    const dashscopeRuns = await listRuns(handle.db, { limit: 10, modelId: "dashscope/z-image-turbo" });
    expect(dashscopeRuns.runs.map((run) => run.prompt)).toEqual(["prompt 3 100%_sure", "prompt 1"]);
    expect((await listRuns(handle.db, { limit: 10, status: "succeeded" })).runs).toEqual([]);
    expect(first.runs[0]).toMatchObject({
      modelIds: ["shortapi/z-image"],
      statuses: ["queued"],
      thumbnails: [],
    });
  });

  it("lists only runs with a starred image under starred, with their starred image ids", async () => {
    const plain = await create("plain");
    const picked = await create("picked");
    await addImage(plain.id, plain.jobs[0]!.id, 0, "plain");
    await addImage(picked.id, picked.jobs[0]!.id, 0, "first");
    await addImage(picked.id, picked.jobs[0]!.id, 1, "second");
    const second = (await getRunView(handle.db, picked.id))!.jobs[0]!.images[1]!;
    await updateImageAnnotations(handle.db, second.id, { starred: true });

    const starred = await listRuns(handle.db, { limit: 10, starred: true });
    expect(starred.runs.map((run) => [run.prompt, run.starredImageIds])).toEqual([["picked", [second.id]]]);
    const all = await listRuns(handle.db, { limit: 10 });
    expect(all.runs.find((run) => run.id === plain.id)?.starredImageIds).toEqual([]);
  });

  it("deletes a run and reports only the blobs no other run uses", async () => {
    const keep = await create("keep");
    const remove = await create("remove");
    await addImage(keep.id, keep.jobs[0]!.id, 0, "shared");
    await addImage(remove.id, remove.jobs[0]!.id, 0, "shared");
    await addImage(remove.id, remove.jobs[0]!.id, 1, "own");

    const result = await deleteRun(handle.db, remove.id);
    expect(result.deleted).toBe(true);
    expect(result.orphanedBlobKeys.sort()).toEqual(["own.png", "own.webp"]);
    expect(await getRunView(handle.db, remove.id)).toBeNull();
    expect((await deleteRun(handle.db, remove.id)).deleted).toBe(false);
  });
});

describe("a run edited from another", () => {
  it("keeps the text it was written as, and says what changed while the other run exists", async () => {
    const parse = (body: object) => createRunBodySchema.parse({ models: [zImage], ...body });
    const first = await createRun(
      handle.db,
      parse({ prompts: ["a red fox", "a blue fox"], promptText: "a {red|blue} fox" }),
    );
    const second = await createRun(
      handle.db,
      parse({
        prompts: ["a red fox at dusk", "a blue fox at dusk"],
        promptText: "a {red|blue} fox at dusk",
        seed: 5,
        editedFrom: first.id,
      }),
    );
    const view = await getRunView(handle.db, second.id);
    expect(view?.promptText).toBe("a {red|blue} fox at dusk");
    expect(view?.editedFrom).toEqual({
      runId: first.id,
      prompt: [
        { op: "same", text: "a {red|blue} fox" },
        { op: "added", text: "at dusk" },
      ],
      settings: ["Seed random → 5"],
    });
    const [summary] = (await listRuns(handle.db, { limit: 1 })).runs;
    expect(summary?.editedFrom).toEqual(view?.editedFrom);

    await deleteRun(handle.db, first.id);
    expect((await getRunView(handle.db, second.id))?.editedFrom).toBeUndefined();
    expect(await getRunView(handle.db, first.id)).toBeNull();
  });
});
