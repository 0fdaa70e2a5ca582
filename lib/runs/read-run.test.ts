import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { publishChange, startChangeFeed } from "@/lib/changes/change-feed";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertImage, updateImageAnnotations } from "@/lib/db/queries/images";
import { getRunVersion } from "@/lib/db/queries/runs";
import { jobs } from "@/lib/db/schema";
import type { RunView } from "@/lib/api/views";
import { cancelJob, rerunJob } from "@/lib/jobs/cell-control";
import type { BlobStore } from "@/lib/storage/blob-store";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { deleteRunAndFiles } from "./delete-run";
import { heldWaitCount } from "./held-waits";
import { readRun, readRunWhenChanged } from "./read-run";
import { pgliteClient, startOneJobRun, tickingClock } from "@/lib/testing/one-job-run";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  // On PGlite the feed hears every change as it commits: versions are then kept in memory.
  await startChangeFeed(handle);
});
afterAll(() => handle.close());
beforeEach(() => emptyDatabase(handle));

const client = () => pgliteClient(handle);

/** Who waits in these tests, with room for every wait they hold. */
const waiting = { client: "127.0.0.1", limits: { perInstance: 1_000, perClient: 1_000 } };

const tick = tickingClock();
const startRun = () => startOneJobRun(handle.db, tick());

async function addImage(runId: string, jobId: string, key: string) {
  await insertImage(handle.db, {
    id: newId(),
    jobId,
    runId,
    index: 0,
    blobKey: `${key}.png`,
    thumbnailKey: `${key}.webp`,
    width: 1024,
    height: 1024,
    contentType: "image/png",
    byteSize: 10,
    sha256: key,
    createdAt: tick(),
  });
}

async function finish(jobId: string) {
  const now = tick();
  await handle.db
    .update(jobs)
    .set({ status: "succeeded", finishedAt: now, updatedAt: now })
    .where(eq(jobs.id, jobId));
}

async function read(id: string, ifNoneMatch: string | null = null, db: Database = handle.db) {
  const response = await readRun(db, id, ifNoneMatch);
  if (!response) return null;
  return {
    status: response.status,
    etag: response.headers.get("etag")!,
    body: response.status === 200 ? await response.json() : null,
  };
}

describe("readRun", () => {
  it("answers 200 with the run and a tag, and null for an unknown run", async () => {
    const run = await startRun();
    const answer = await read(run.id);
    expect(answer).toMatchObject({ status: 200, body: { id: run.id, prompt: "a fox" } });
    expect(answer?.body.jobs).toHaveLength(1);
    expect(answer?.body.jobs[0]).toMatchObject({ expectedImages: 1, aspectRatio: 1, images: [] });
    expect(answer?.etag).toMatch(/^W\/".+"$/);
    expect(await read("missing")).toBeNull();
  });

  it("answers 304 while nothing changed and 200 with a new tag once something did", async () => {
    const run = await startRun();
    const first = (await read(run.id))!;
    expect(await read(run.id, first.etag)).toMatchObject({ status: 304, etag: first.etag, body: null });
    await addImage(run.id, run.jobs[0]!.id, "aa");
    const second = (await read(run.id, first.etag))!;
    expect(second.status).toBe(200);
    expect(second.etag).not.toBe(first.etag);
    expect(second.body.jobs[0].images[0].url).toBe("/api/files/aa.png");
    expect(await read(run.id, second.etag)).toMatchObject({ status: 304 });
  });

  it("answers a finished run and its 304s from memory while nothing is written", async () => {
    const run = await startRun();
    await addImage(run.id, run.jobs[0]!.id, "bb");
    await finish(run.jobs[0]!.id);
    const fromDb = (await read(run.id))!;
    expect(fromDb.body.jobs[0].status).toBe("succeeded");
    const queries = vi.spyOn(client(), "query");
    try {
      expect(await read(run.id)).toEqual(fromDb);
      expect(await read(run.id, fromDb.etag)).toMatchObject({ status: 304, etag: fromDb.etag });
      expect(queries).not.toHaveBeenCalled();
    } finally {
      queries.mockRestore();
    }
  });

  it("answers a finished run changed without news afresh, as another instance's change looks until its notice arrives", async () => {
    const run = await startRun();
    await addImage(run.id, run.jobs[0]!.id, "ee");
    await finish(run.jobs[0]!.id);
    const before = (await read(run.id))!;
    const imageId = before.body.jobs[0].images[0].id;
    // The query alone: annotateImage would also announce the change.
    await updateImageAnnotations(handle.db, imageId, { starred: true });

    const after = (await read(run.id, before.etag))!;
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(after.body.jobs[0].images[0].starred).toBe(true);
    expect(await read(run.id)).toEqual(after);
  });

  it("does not keep the answer of a run that is still going", async () => {
    const run = await startRun();
    await read(run.id);
    const queries = vi.spyOn(client(), "query");
    try {
      expect((await read(run.id))?.status).toBe(200);
      expect(queries).toHaveBeenCalled();
    } finally {
      queries.mockRestore();
    }
  });

  it("reads a run that is still going again once anything was written", async () => {
    const run = await startRun();
    const first = (await read(run.id))!;
    await addImage(run.id, run.jobs[0]!.id, "ff");
    const queries = vi.spyOn(client(), "query");
    try {
      const second = (await read(run.id, first.etag))!;
      expect(second.status).toBe(200);
      expect(second.body.jobs[0].images).toHaveLength(1);
      expect(queries).toHaveBeenCalled();
    } finally {
      queries.mockRestore();
    }
  });
});

describe("readRunWhenChanged (long-poll)", () => {
  it("holds a current copy until the run changes, then answers with the new run", async () => {
    const run = await startRun();
    const first = (await read(run.id))!;
    // Never aborted and a ten-minute wait: only the change can end this request within the test.
    const held = readRunWhenChanged(
      handle.db,
      run.id,
      first.etag,
      600_000,
      new AbortController().signal,
      waiting,
    );
    // A notice of the version the copy already has (a late one) keeps the request waiting, unread.
    const version = (await getRunVersion(handle.db, run.id))!;
    const queries = vi.spyOn(client(), "query");
    try {
      await publishChange(handle.db, { kind: "run-changed", runId: run.id, version });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(queries).toHaveBeenCalledTimes(1);
    } finally {
      queries.mockRestore();
    }
    // The database announces the image itself.
    await addImage(run.id, run.jobs[0]!.id, "dd");
    const answer = (await held)!;
    expect(answer.status).toBe(200);
    expect(answer.headers.get("etag")).not.toBe(first.etag);
    expect((await answer.json()).jobs[0].images[0].url).toBe("/api/files/dd.png");
  });

  it("wakes on a new take of a finished run (served from memory) and on a cancel", async () => {
    const run = await startRun();
    await finish(run.jobs[0]!.id);
    const finished = (await read(run.id))!;
    const hold = (etag: string) =>
      readRunWhenChanged(handle.db, run.id, etag, 600_000, new AbortController().signal, waiting);

    const heldForTake = hold(finished.etag);
    const take = await rerunJob(handle.db, run.jobs[0]!.id);
    const withTake = (await heldForTake)!;
    expect(withTake.status).toBe(200);
    const body = (await withTake.json()) as RunView;
    expect(body.jobs.map((job) => [job.take, job.status])).toEqual([
      [1, "succeeded"],
      [2, "queued"],
    ]);

    const heldForCancel = hold(withTake.headers.get("etag")!);
    await cancelJob(handle.db, take.id);
    const afterCancel = (await (await heldForCancel)!.json()) as RunView;
    expect(afterCancel.jobs[1]?.status).toBe("canceled");
  });

  it("answers at once when the copy is already stale, and 304 when the wait ends or the client leaves", async () => {
    const run = await startRun();
    const first = (await read(run.id))!;
    const stale = await readRunWhenChanged(
      handle.db,
      run.id,
      '"old"',
      600_000,
      new AbortController().signal,
      waiting,
    );
    expect(stale?.status).toBe(200);
    expect(
      (await readRunWhenChanged(handle.db, run.id, first.etag, 10, new AbortController().signal, waiting))
        ?.status,
    ).toBe(304);
    const leaving = new AbortController();
    const held = readRunWhenChanged(handle.db, run.id, first.etag, 600_000, leaving.signal, waiting);
    leaving.abort();
    expect((await held)?.status).toBe(304);
    expect(
      await readRunWhenChanged(handle.db, "missing", first.etag, 10, leaving.signal, waiting),
    ).toBeNull();
  });
});

describe("readRunWhenChanged with many waiters", () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it("wakes every waiter on a run with one read of it, shared", async () => {
    const run = await startRun();
    const first = (await read(run.id))!;
    const held = Array.from({ length: 60 }, () =>
      readRunWhenChanged(handle.db, run.id, first.etag, 600_000, new AbortController().signal, waiting),
    );
    await settle();
    const queries = vi.spyOn(client(), "query");
    try {
      await addImage(run.id, run.jobs[0]!.id, "herd");
      const answers = await Promise.all(held);
      const bodies = await Promise.all(answers.map((answer) => answer!.text()));
      expect(new Set(bodies).size).toBe(1);
      expect(JSON.parse(bodies[0]!).jobs[0].images[0].url).toBe("/api/files/herd.png");
      // The image's insert, then one read of the run (its row, jobs, images and inputs), not 60.
      expect(queries.mock.calls.length).toBeLessThan(10);
    } finally {
      queries.mockRestore();
    }
  });

  it("answers at once, with the run as it is, beyond the caps per client and per instance", async () => {
    const run = await startRun();
    const first = (await read(run.id))!;
    const limits = { perInstance: 3, perClient: 2 };
    const hold = (client: string, signal: AbortSignal) =>
      readRunWhenChanged(handle.db, run.id, first.etag, 600_000, signal, { client, limits });
    const leaving = new AbortController();
    const held = [hold("10.0.0.1", leaving.signal), hold("10.0.0.1", leaving.signal)];
    await settle();
    expect(heldWaitCount()).toBe(2);
    // The client's third: a 304 now, as nothing changed.
    const overClient = await hold("10.0.0.1", new AbortController().signal);
    expect(overClient?.status).toBe(304);
    held.push(hold("10.0.0.2", leaving.signal));
    await settle();
    // The instance's fourth, from a client holding none.
    expect((await hold("10.0.0.3", new AbortController().signal))?.status).toBe(304);
    expect(heldWaitCount()).toBe(3);

    leaving.abort();
    expect((await Promise.all(held)).map((answer) => answer?.status)).toEqual([304, 304, 304]);
    expect(heldWaitCount()).toBe(0);
    // Places freed: a wait is held again until the run changes.
    const again = hold("10.0.0.1", new AbortController().signal);
    await settle();
    expect(heldWaitCount()).toBe(1);
    await addImage(run.id, run.jobs[0]!.id, "caps");
    expect((await again)?.status).toBe(200);
  });
});

describe("deleteRunAndFiles", () => {
  it("deletes the run and its own files and forgets the cached answer", async () => {
    const deletedKeys: string[] = [];
    const blobStore = { delete: async (key: string) => void deletedKeys.push(key) } as BlobStore;
    const run = await startRun();
    await addImage(run.id, run.jobs[0]!.id, "cc");
    await finish(run.jobs[0]!.id);
    expect((await read(run.id, null))?.status).toBe(200);

    expect(await deleteRunAndFiles(handle.db, blobStore, run.id)).toBe(true);
    expect(deletedKeys.sort()).toEqual(["cc.png", "cc.webp"]);
    expect(await read(run.id)).toBeNull();
    expect(await deleteRunAndFiles(handle.db, blobStore, run.id)).toBe(false);
  });
});
